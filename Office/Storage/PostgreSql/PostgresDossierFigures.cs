using Npgsql;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Office.Storage.PostgreSql;

/// <summary>
/// The statistics' sums on PostgreSQL, as SQL over the dossiers' indexed columns (the days received and resolved) and
/// their open stretches of days: nothing is kept by hand, and a month reads only that month's rows of one commune.
/// </summary>
public sealed class PostgresDossierFigures(PostgresDatabase database, CommuneContext communes) : IDossierFigures
{
    public async Task<DayFigures> SumAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            select
                (select count(*) from dossiers where commune = $1 and received_on between $2 and $3),
                (select count(*) from dossiers where commune = $1 and received_on between $2 and $3 and online),
                (select count(*) from dossiers where commune = $1 and resolved_on between $2 and $3),
                (select count(*) from dossiers where commune = $1 and resolved_on between $2 and $3 and on_time)
            """, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DayFigures
        {
            Id = $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}",
            Commune = communes.Current.Id,
            Received = checked((int)reader.GetInt64(0)),
            Online = checked((int)reader.GetInt64(1)),
            Resolved = checked((int)reader.GetInt64(2)),
            ResolvedOnTime = checked((int)reader.GetInt64(3)),
        };
    }

    public async Task<IReadOnlyDictionary<string, DayFigures>> SumByAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var column = kind switch
        {
            IDossierFigures.ByProcedure => "procedure_id",
            IDossierFigures.ByVillage => "village",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Figures are broken down by procedure or by village."),
        };
        await using var command = Command($"""
            select key, sum(received), sum(online), sum(resolved), sum(on_time) from (
                select {column} as key, 1 as received, online::int as online, 0 as resolved, 0 as on_time
                from dossiers where commune = $1 and received_on between $2 and $3
                union all
                select {column}, 0, 0, 1, on_time::int
                from dossiers where commune = $1 and resolved_on between $2 and $3
            ) as rows
            group by key
            """, from, to);
        var sums = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            sums[key] = new DayFigures
            {
                Id = key,
                Received = checked((int)reader.GetInt64(1)),
                Online = checked((int)reader.GetInt64(2)),
                Resolved = checked((int)reader.GetInt64(3)),
                ResolvedOnTime = checked((int)reader.GetInt64(4)),
            };
        }
        return sums;
    }

    public async Task<(int Open, int Overdue)> OpenAtEndOfAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            select count(*), count(*) filter (where overdue_from <= $2)
            from dossier_open_days
            where commune = $1 and opened_on <= $2 and (closed_on is null or closed_on > $2)
            """, day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
    }

    private NpgsqlCommand Command(string sql, params DateOnly[] days)
    {
        var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = communes.Current.Id });
        foreach (var day in days)
        {
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
        }
        return command;
    }
}
