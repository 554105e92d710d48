using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using OneStopBot.Office.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.State;

/// <summary>
/// Bot Framework state (conversation and user state) in the office database, with the semantics of the SDK's
/// <see cref="MemoryStorage"/>: missing keys are left out of reads, store items carry an eTag that changes on
/// every write, a stale eTag is refused, <c>*</c> always writes. A write that would store what is already stored is
/// skipped (the eTag stays). What was last stored under each recently used key is remembered in a
/// <see cref="StateCache"/>, so a turn's reads and its write checks need no database query; every write is committed
/// before it returns.
/// </summary>
public sealed class LiteDbStorage(OfficeDatabase database, StateCache cache) : IStorage
{
    public const string CollectionName = "bot_state";

    // LiteDB index keys are limited to 1023 bytes; longer storage keys are stored under their hash.
    private const int MaxPlainKeyBytes = 512;

    private readonly ILiteCollection<BsonDocument> states = database.Collection<BsonDocument>(CollectionName);

    // Database reads for the cache and commits with their cache updates happen under this gate (always taken before the
    // database's own), so a read can never put into the cache an older document than one committed meanwhile.
    private readonly Lock gate = new();

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys.Distinct())
        {
            if (Stored(DocumentId(key)).Json is { } json)
            {
                items[key] = StateJson.Deserialize(json);
            }
        }
        return Task.FromResult<IDictionary<string, object>>(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        // Plain objects are serialised before the gate, so the costly part of a write holds no other turn up.
        var pending = changes.Select(pair => (pair.Key, pair.Value, Json: pair.Value is null or IStoreItem ? null : StateJson.Serialize(pair.Value))).ToList();
        lock (gate)
        {
            // The whole batch or nothing: a conflict on one key leaves every key as it was, in the file and in the cache.
            var stored = database.InTransaction(() => pending.Select(change => Write(change.Key, change.Value, change.Json)).ToList());
            foreach (var state in stored)
            {
                cache.Set(state);
            }
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var ids = keys.Select(DocumentId).ToList();
        lock (gate)
        {
            database.InTransaction(() => ids.Count(id => states.Delete(id)));
            foreach (var id in ids)
            {
                cache.Set(StoredState.Missing(id));
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Writes one change inside the batch's transaction; what is stored under its id afterwards.</summary>
    private StoredState Write(string key, object? value, string? plainJson)
    {
        var id = DocumentId(key);
        if (value is null)
        {
            // MemoryStorage keeps a null that reads as missing; removing the document is the same to readers.
            states.Delete(id);
            return StoredState.Missing(id);
        }

        var stored = Stored(id);
        string json;
        string? etag = null;
        if (value is IStoreItem item)
        {
            if (stored.ETag is not null && item.ETag != "*" && item.ETag != stored.ETag)
            {
                throw StateJson.Conflict(item.ETag, stored.ETag);
            }
            // Compared with the stored eTag in place: same content means nothing to write, and the eTag stays valid.
            var state = (JObject)StateJson.ToToken(value);
            state[StateJson.ETagProperty] = stored.ETag;
            if (stored.Json == state.ToString(Formatting.None))
            {
                return stored;
            }
            etag = Guid.NewGuid().ToString("N");
            state[StateJson.ETagProperty] = etag;
            json = state.ToString(Formatting.None);
        }
        else
        {
            json = plainJson!;
            if (stored.Json == json)
            {
                return stored;
            }
        }

        states.Upsert(new BsonDocument
        {
            ["_id"] = id,
            ["key"] = key,
            ["json"] = json,
            ["etag"] = etag is null ? BsonValue.Null : etag,
        });
        return new StoredState(id, json, etag);
    }

    /// <summary>What is stored under <paramref name="id"/>: from the cache, or read from the database into it.</summary>
    private StoredState Stored(string id)
    {
        if (cache.Find(id) is { } cached)
        {
            return cached;
        }
        lock (gate)
        {
            var document = states.FindById(id);
            var etag = document?["etag"];
            var stored = document is null
                ? StoredState.Missing(id)
                : new StoredState(id, document["json"].AsString, etag is null || etag.IsNull ? null : etag.AsString);
            cache.Set(stored);
            return stored;
        }
    }

    private static string DocumentId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.UTF8.GetByteCount(key) <= MaxPlainKeyBytes
            ? key
            : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
