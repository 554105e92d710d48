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
/// skipped (the eTag stays), and documents are found by id with one expression parsed once, not per call.
/// </summary>
public sealed class LiteDbStorage(OfficeDatabase database) : IStorage
{
    public const string CollectionName = "bot_state";

    private const string ETagProperty = "ETag";

    // LiteDB index keys are limited to 1023 bytes; longer storage keys are stored under their hash.
    private const int MaxPlainKeyBytes = 512;

    private readonly JsonSerializer serializer = CreateSerializer();

    /// <summary>
    /// The serializer settings MemoryStorage recommends, so typed objects come back with their type, with a binder
    /// that lets a stored document name only the project's own state types (and the framework's plain values and
    /// collections of them): a tampered document cannot make the reader build anything else.
    /// </summary>
    public static JsonSerializer CreateSerializer() => JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = StateTypeBinder.Instance,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = null,
    });

    private readonly ILiteCollection<BsonDocument> states = database.Collection<BsonDocument>(CollectionName);

    // FindById parses "_id = @0" on every call; this expression is parsed once and its parameter set under the gate.
    private readonly BsonExpression byId = BsonExpression.Create("_id = @0", BsonValue.Null);
    private readonly Lock byIdGate = new();

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys.Distinct())
        {
            var document = Find(DocumentId(key));
            if (document is not null)
            {
                items[key] = Deserialize(document["json"].AsString);
            }
        }
        return Task.FromResult<IDictionary<string, object>>(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        // The whole batch or nothing: a conflict on one key leaves every key as it was.
        database.InTransaction(() =>
        {
            foreach (var (key, value) in changes)
            {
                Write(key, value);
            }
            return changes.Count;
        });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        database.InTransaction(() => keys.Count(key => states.Delete(DocumentId(key))));
        return Task.CompletedTask;
    }

    private void Write(string key, object? value)
    {
        var id = DocumentId(key);
        if (value is null)
        {
            // MemoryStorage keeps a null that reads as missing; removing the document is the same to readers.
            states.Delete(id);
            return;
        }

        var newState = JObject.FromObject(value, serializer);
        var stored = Find(id);
        if (value is IStoreItem item)
        {
            var current = stored?["etag"];
            var currentETag = current is null || current.IsNull ? null : current.AsString;
            if (currentETag is not null && item.ETag != "*" && item.ETag != currentETag)
            {
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"Etag conflict.\r\n\r\nOriginal: {item.ETag}\r\nCurrent: {currentETag}"));
            }
            // Compared with the stored eTag in place: same content means nothing to write, and the eTag stays valid.
            newState[ETagProperty] = currentETag;
            if (stored is not null && stored["json"].AsString == newState.ToString(Formatting.None))
            {
                return;
            }
            newState[ETagProperty] = Guid.NewGuid().ToString("N");
        }
        else if (stored is not null && stored["json"].AsString == newState.ToString(Formatting.None))
        {
            return;
        }

        var document = new BsonDocument
        {
            ["_id"] = id,
            ["key"] = key,
            ["json"] = newState.ToString(Formatting.None),
            ["etag"] = value is IStoreItem ? newState.Value<string>(ETagProperty) : BsonValue.Null,
        };
        states.Upsert(document);
    }

    private BsonDocument? Find(string id)
    {
        lock (byIdGate)
        {
            byId.Parameters["0"] = id;
            return states.Find(byId, skip: 0, limit: 1).FirstOrDefault();
        }
    }

    private object Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return serializer.Deserialize<object>(reader)!;
    }

    private static string DocumentId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.UTF8.GetByteCount(key) <= MaxPlainKeyBytes
            ? key
            : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
