using Npgsql;
using NpgsqlTypes;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;

namespace OneStopBot.Office.Storage.PostgreSql;

/// <summary>The audit log of staff actions on PostgreSQL; the dossiers' own entries are written in their units of work.</summary>
public sealed class PostgresStaffAuditLog(PostgresDatabase database, CommuneContext communes, TimeProvider time) : IStaffAuditLog
{
    internal const string InsertSql =
        "insert into staff_audit (commune, at, staff, action, target, targets, details) values ($1, $2, $3, $4, $5, $6, $7) returning id";

    private const string Select = "select id, commune, at, staff, action, target, targets, details from staff_audit";

    public StaffAction Record(string staff, string action, string? target = null, string? details = null) =>
        Record(new StaffAction { At = time.GetUtcNow(), Staff = staff, Action = action, Target = target, Details = details });

    public StaffAction Record(StaffAction entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stamped = entry.ToStore(communes.Current.Id);
        using var command = database.DataSource.CreateCommand(InsertSql);
        AddEntry(command.Parameters, stamped);
        return stamped with { Id = checked((int)(long)command.ExecuteScalar()!) };
    }

    public IReadOnlyList<StaffAction> Recent(int count) =>
        Read($"{Select} where commune = $1 order by id desc limit $2", communes.Current.Id, Math.Clamp(count, 1, 1000));

    public IReadOnlyList<StaffAction> ByStaff(string staff, int count) =>
        Read($"{Select} where commune = $1 and staff = $3 order by id desc limit $2", communes.Current.Id, Math.Clamp(count, 1, 1000), staff);

    /// <summary>Every action on one target, oldest first; an action on many is given as done to this one.</summary>
    public IReadOnlyList<StaffAction> ForTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Read($"{Select} where commune = $1 and (target = $3 or targets @> array[$3]) order by id limit $2", communes.Current.Id, 1000, target)
            .Select(a => a.Targets is null ? a : a with { Target = target, Targets = null })
            .ToList();
    }

    internal static void AddEntry(NpgsqlParameterCollection parameters, StaffAction entry)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Commune });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.At.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Staff });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Action });
        parameters.Add(new NpgsqlParameter { Value = (object?)entry.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)entry.Targets?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)entry.Details ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private List<StaffAction> Read(string sql, string commune, int limit, string? value = null)
    {
        using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = commune });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        if (value is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }
        using var reader = command.ExecuteReader();
        var actions = new List<StaffAction>();
        while (reader.Read())
        {
            actions.Add(new StaffAction
            {
                Id = checked((int)reader.GetInt64(0)),
                Commune = reader.GetString(1),
                At = reader.GetFieldValue<DateTimeOffset>(2),
                Staff = reader.GetString(3),
                Action = reader.GetString(4),
                Target = reader.IsDBNull(5) ? null : reader.GetString(5),
                Targets = reader.IsDBNull(6) ? null : reader.GetFieldValue<string[]>(6),
                Details = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }
        return actions;
    }
}
