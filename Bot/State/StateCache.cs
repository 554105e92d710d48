using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.State;

/// <summary>What the database holds under one state document id: its JSON and eTag, or nothing (<see cref="Json"/> null).</summary>
public sealed record StoredState(string Id, string? Json, string? ETag)
{
    public static StoredState Missing(string id) => new(id, null, null);
}

/// <summary>
/// The last stored form of recently used state documents, so that a turn reads and checks its state without a database
/// query. It is only right because this process alone opens the database (LiteDB's direct connection) and every write
/// goes through <see cref="LiteDbStorage"/>, which updates it after each commit. Bounded: the least recently used
/// documents leave first; an entry that cannot be stored takes the older one with it, so a miss reads the file.
/// </summary>
public sealed class StateCache(IOptions<StateOptions> options, TimeProvider time) : IDisposable
{
    private readonly int capacity = options.Value.CachedDocuments;
    private readonly MemoryCache documents = MemoryCaches.Bounded(options.Value.CachedDocuments, time);

    public int Count => documents.Count;

    public StoredState? Find(string id) => documents.TryGetValue(id, out StoredState? state) ? state : null;

    public void Set(StoredState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        documents.SetMakingRoom(state.Id, state, capacity);
    }

    /// <summary>Forgets everything, as a restart does: the next reads go to the database.</summary>
    public void Clear() => documents.Clear();

    public void Dispose() => documents.Dispose();
}
