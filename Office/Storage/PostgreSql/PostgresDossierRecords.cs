using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Office.Storage.PostgreSql;

/// <summary>
/// The dossiers on PostgreSQL: what <see cref="DossierDesk"/> asks of an engine, in raw SQL. Each dossier is one row:
/// the record as jsonb, and beside it the columns that lookups and the statistics read (<see cref="PostgresDossierFigures"/>),
/// with its open stretches of days in <c>dossier_open_days</c>; every write keeps them in the unit's transaction.
/// </summary>
public sealed class PostgresDossierRecords(PostgresDatabase database, WorkingCalendar calendar) : IDossierRecords
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // The masked numbers and the resolved time are read from the record, never stored twice.
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private const string Columns = "commune, code, owner_key, procedure_id, village, status, online, created_at, received_on, resolved_on, on_time, due_date, changes, record";

    public async ValueTask<Dossier?> FindAsync(string commune, string code, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("select record from dossiers where commune = $1 and code = $2");
        AddKey(command.Parameters, commune, code);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async ValueTask<Dossier?> FindAsync(OfficeWork work, string commune, string code)
    {
        await using var command = PostgresWork.Of(work).Command("select record from dossiers where commune = $1 and code = $2");
        AddKey(command.Parameters, commune, code);
        return await ReadOneAsync(command, work.Cancellation);
    }

    public async ValueTask<IReadOnlyList<Dossier>> ListByOwnerAsync(string commune, string chatKey, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "select record from dossiers where commune = $1 and owner_key = $2 order by created_at desc, code collate \"C\" desc");
        AddKey(command.Parameters, commune, chatKey);
        var found = new List<Dossier>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader.GetString(0)));
        }
        return found;
    }

    public async ValueTask<bool> IsEmptyAsync(string commune, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("select not exists (select 1 from dossiers where commune = $1)");
        command.Parameters.Add(Text(commune));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask<string> NextCodeAsync(OfficeWork work, string commune, DateOnly day, Func<int, string> format)
    {
        var unit = PostgresWork.Of(work);
        while (true)
        {
            // The counter's row stays locked until the unit commits: a second host filing the same day waits, then counts on.
            await using var next = unit.Command("""
                insert into dossier_counters as c (commune, day, last) values ($1, $2, 1)
                on conflict (commune, day) do update set last = c.last + 1
                returning last
                """);
            next.Parameters.Add(Text(commune));
            next.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = day });
            var code = format((int)(await next.ExecuteScalarAsync(work.Cancellation))!);
            // Imported dossiers may already hold numbers of the day.
            await using var taken = unit.Command("select exists (select 1 from dossiers where commune = $1 and code = $2)");
            AddKey(taken.Parameters, commune, code);
            if (!(bool)(await taken.ExecuteScalarAsync(work.Cancellation))!)
            {
                return code;
            }
        }
    }

    public async ValueTask<string?> ClaimFilingAsync(OfficeWork work, DossierFiling filing)
    {
        var unit = PostgresWork.Of(work);
        // A second unit inserting the same key waits for the first to commit, then inserts nothing and reads its code.
        await using var claim = unit.Command("insert into dossier_filings (id, commune, code, at) values ($1, $2, '', $3) on conflict (id) do nothing");
        claim.Parameters.Add(Text(filing.Id));
        claim.Parameters.Add(Text(filing.Commune));
        claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = filing.At.ToUniversalTime() });
        if (await claim.ExecuteNonQueryAsync(work.Cancellation) == 1)
        {
            return null;
        }
        await using var filed = unit.Command("select code from dossier_filings where id = $1");
        filed.Parameters.Add(Text(filing.Id));
        return (string?)await filed.ExecuteScalarAsync(work.Cancellation);
    }

    public async ValueTask InsertAsync(OfficeWork work, Dossier dossier, string? filingKey)
    {
        var unit = PostgresWork.Of(work);
        await using var batch = unit.Batch();
        batch.BatchCommands.Add(Insert(dossier, ignoreTaken: false));
        AddOpenDays(batch, dossier);
        if (filingKey is not null)
        {
            var filed = new NpgsqlBatchCommand("update dossier_filings set code = $2 where id = $1");
            filed.Parameters.Add(Text(filingKey));
            filed.Parameters.Add(Text(dossier.Code));
            batch.BatchCommands.Add(filed);
        }
        await batch.ExecuteNonQueryAsync(work.Cancellation);
    }

    public async ValueTask SaveAsync(OfficeWork work, Dossier before, Dossier after)
    {
        var unit = PostgresWork.Of(work);
        await using var batch = unit.Batch();
        var update = new NpgsqlBatchCommand("""
            update dossiers set status = $3, online = $4, received_on = $5, resolved_on = $6, on_time = $7, due_date = $8,
                changes = $9, record = $10
            where commune = $1 and code = $2 and changes = $11
            """);
        AddKey(update.Parameters, after.Commune, after.Code);
        var row = Row.Of(after, calendar);
        update.Parameters.Add(Text(after.Status.JsonName()));
        update.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = row.Online });
        update.Parameters.Add(Date(row.ReceivedOn));
        update.Parameters.Add(Date(row.ResolvedOn));
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)row.OnTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        update.Parameters.Add(Date(after.DueDate));
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = after.History.Count });
        update.Parameters.Add(Record(after));
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = before.History.Count });
        batch.BatchCommands.Add(update);
        var forget = new NpgsqlBatchCommand("delete from dossier_open_days where commune = $1 and code = $2");
        AddKey(forget.Parameters, after.Commune, after.Code);
        batch.BatchCommands.Add(forget);
        AddOpenDays(batch, after);
        await batch.ExecuteNonQueryAsync(work.Cancellation);
        if (update.RecordsAffected != 1)
        {
            // The unit is rolled back: nothing of this save, its open days included, stays.
            throw new DossierChangedException(after.Code);
        }
    }

    public async ValueTask<IReadOnlyList<bool>> InsertNewAsync(OfficeWork work, IReadOnlyList<Dossier> dossiers, bool lookUpFirst)
    {
        // A taken code inserts nothing (the unique key answers), so no row pays a lookup and the unit goes on.
        var unit = PostgresWork.Of(work);
        var inserted = new bool[dossiers.Count];
        await using (var batch = unit.Batch())
        {
            foreach (var dossier in dossiers)
            {
                batch.BatchCommands.Add(Insert(dossier, ignoreTaken: true));
            }
            await batch.ExecuteNonQueryAsync(work.Cancellation);
            for (var i = 0; i < dossiers.Count; i++)
            {
                inserted[i] = batch.BatchCommands[i].RecordsAffected == 1;
            }
        }
        if (inserted.Any(i => i))
        {
            await using var spans = unit.Batch();
            foreach (var dossier in dossiers.Where((_, i) => inserted[i]))
            {
                AddOpenDays(spans, dossier);
            }
            if (spans.BatchCommands.Count > 0)
            {
                await spans.ExecuteNonQueryAsync(work.Cancellation);
            }
        }
        return inserted;
    }

    public async ValueTask<StaffAction> AuditAsync(OfficeWork work, StaffAction entry)
    {
        await using var command = PostgresWork.Of(work).Command(PostgresStaffAuditLog.InsertSql);
        PostgresStaffAuditLog.AddEntry(command.Parameters, entry);
        var id = (long)(await command.ExecuteScalarAsync(work.Cancellation))!;
        return entry with { Id = checked((int)id) };
    }

    /// <summary>
    /// Writes dossiers that carry their own codes (an archive moved in, a benchmark's province) with PostgreSQL's binary
    /// COPY: no audit, no checks, one stream; the codes must be free. Returns how many were written.
    /// </summary>
    public async Task<long> CopyInAsync(IEnumerable<Dossier> dossiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var open = new List<(Dossier Dossier, OpenSpan Span)>();
        ulong written;
        await using (var copy = await connection.BeginBinaryImportAsync($"copy dossiers ({Columns}) from stdin (format binary)", cancellationToken))
        {
            foreach (var dossier in dossiers)
            {
                var row = Row.Of(dossier, calendar);
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(dossier.Commune, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(dossier.Code, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(dossier.Owner is { } owner ? ChatAddress.ChatKey(owner.ChannelId, owner.UserId) : null, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(dossier.ProcedureId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(dossier.Village, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(dossier.Status.JsonName(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.Online, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(dossier.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(row.ReceivedOn, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(row.ResolvedOn, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(row.OnTime, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(dossier.DueDate, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(dossier.History.Count, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(JsonSerializer.Serialize(dossier with { Id = 0 }, Json), NpgsqlDbType.Jsonb, cancellationToken);
                open.AddRange(OpenSpan.Of(dossier, calendar).Select(span => (dossier, span)));
            }
            written = await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("copy dossier_open_days (commune, code, opened_on, closed_on, overdue_from) from stdin (format binary)", cancellationToken))
        {
            foreach (var (dossier, span) in open)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(dossier.Commune, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(dossier.Code, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(span.Opened, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(span.Closed, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(span.OverdueFrom, NpgsqlDbType.Date, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        return checked((long)written);
    }

    private NpgsqlBatchCommand Insert(Dossier dossier, bool ignoreTaken)
    {
        var command = new NpgsqlBatchCommand(
            $"insert into dossiers ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
            + (ignoreTaken ? " on conflict (commune, code) do nothing" : ""));
        var row = Row.Of(dossier, calendar);
        AddKey(command.Parameters, dossier.Commune, dossier.Code);
        command.Parameters.Add(new NpgsqlParameter { Value = dossier.Owner is { } owner ? ChatAddress.ChatKey(owner.ChannelId, owner.UserId) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(Text(dossier.ProcedureId));
        command.Parameters.Add(Text(dossier.Village));
        command.Parameters.Add(Text(dossier.Status.JsonName()));
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = row.Online });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = dossier.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(Date(row.ReceivedOn));
        command.Parameters.Add(Date(row.ResolvedOn));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.OnTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(Date(dossier.DueDate));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = dossier.History.Count });
        command.Parameters.Add(Record(dossier));
        return command;
    }

    private void AddOpenDays(NpgsqlBatch batch, Dossier dossier)
    {
        foreach (var span in OpenSpan.Of(dossier, calendar))
        {
            var command = new NpgsqlBatchCommand("insert into dossier_open_days (commune, code, opened_on, closed_on, overdue_from) values ($1, $2, $3, $4, $5)");
            AddKey(command.Parameters, dossier.Commune, dossier.Code);
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = span.Opened });
            command.Parameters.Add(Date(span.Closed));
            command.Parameters.Add(Date(span.OverdueFrom));
            batch.BatchCommands.Add(command);
        }
    }

    private static async Task<Dossier?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteScalarAsync(cancellationToken) is string json ? Read(json) : null;

    private static Dossier Read(string json) => JsonSerializer.Deserialize<Dossier>(json, Json)!;

    private static NpgsqlParameter Record(Dossier dossier) =>
        new() { Value = JsonSerializer.Serialize(dossier with { Id = 0 }, Json), NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static void AddKey(NpgsqlParameterCollection parameters, string commune, string code)
    {
        parameters.Add(Text(commune));
        parameters.Add(Text(code));
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    private static NpgsqlParameter Date(DateOnly? day) => new() { Value = (object?)day ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    /// <summary>The columns the statistics read, from a dossier: its local days received and resolved, and whether on time.</summary>
    private readonly record struct Row(bool Online, DateOnly? ReceivedOn, DateOnly? ResolvedOn, bool? OnTime)
    {
        public static Row Of(Dossier dossier, WorkingCalendar calendar)
        {
            var resolved = dossier.ResolvedAt is { } at ? calendar.LocalDate(at) : (DateOnly?)null;
            return new Row(
                dossier.Submission == Submission.Online,
                dossier.ReceivedAt is { } received ? calendar.LocalDate(received) : null,
                resolved,
                resolved is { } day ? dossier.DueDate is not { } due || day <= due : null);
        }
    }
}
