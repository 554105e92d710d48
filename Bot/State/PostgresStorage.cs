using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Npgsql;
using OneStopBot.Office.Storage.PostgreSql;

namespace OneStopBot.Bot.State;

/// <summary>
/// Bot Framework state in the province's PostgreSQL database, shared by every host, with the semantics of
/// <see cref="LiteDbStorage"/>: missing keys are left out of reads, store items carry an eTag that changes whenever
/// their content does, a stale eTag is refused, <c>*</c> always writes, a batch is written whole or not at all.
/// A read is one round trip; a write is one (the batch's statements run in one implicit transaction). Nothing is
/// cached in the process: another host may have written since.
/// </summary>
public sealed class PostgresStorage(PostgresDatabase database) : IStorage
{
    // Raised by bot_state_write for a stale eTag (see the migration 0001).
    private const string StaleETag = "OS409";

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }
        await using var command = database.DataSource.CreateCommand("select key, json, etag from bot_state where key = any($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Distinct()] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items[reader.GetString(0)] = Read(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(key);
            var (json, expected) = Written(value);
            batch.BatchCommands.Add(Write(key, json, value is IStoreItem ? Guid.NewGuid().ToString("N") : null, expected));
        }
        await RunAsync(batch, changes.Values.OfType<IStoreItem>().FirstOrDefault()?.ETag, cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }
        await using var command = database.DataSource.CreateCommand("delete from bot_state where key = any($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Distinct()] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// What is stored for <paramref name="value"/>: its JSON without an eTag (so equal content compares equal), and
    /// the eTag the stored row must have for the write to go ahead (null: any).
    /// </summary>
    private static (string? Json, string? Expected) Written(object? value)
    {
        switch (value)
        {
            case null:
                return (null, null);
            case IStoreItem item:
                var state = (JObject)StateJson.ToToken(value);
                state[StateJson.ETagProperty] = null;
                // MemoryStorage's rule: "*" always writes; any other eTag, a missing one too, must be the stored one.
                return (state.ToString(Formatting.None), item.ETag == "*" ? null : item.ETag ?? string.Empty);
            default:
                return (StateJson.Serialize(value), null);
        }
    }

    private static NpgsqlBatchCommand Write(string key, string? json, string? etag, string? expected)
    {
        var command = new NpgsqlBatchCommand("select bot_state_write($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)json ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)etag ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expected ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return command;
    }

    private static async Task RunAsync(NpgsqlBatch batch, string? original, CancellationToken cancellationToken)
    {
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == StaleETag)
        {
            throw StateJson.Conflict(original, null);
        }
    }

    private static object Read(string json, string? etag)
    {
        var value = StateJson.Deserialize(json);
        if (value is IStoreItem item)
        {
            item.ETag = etag;
        }
        return value;
    }
}
