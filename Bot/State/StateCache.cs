using Microsoft.Extensions.Options;

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
/// document leaves first.
/// </summary>
public sealed class StateCache(IOptions<StateOptions> options)
{
    private readonly int capacity = options.Value.CachedDocuments;
    private readonly Dictionary<string, LinkedListNode<StoredState>> byId = new(StringComparer.Ordinal);
    private readonly LinkedList<StoredState> recency = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    public StoredState? Find(string id)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(id, out var node))
            {
                return null;
            }
            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value;
        }
    }

    public void Set(StoredState state)
    {
        lock (gate)
        {
            if (byId.TryGetValue(state.Id, out var node))
            {
                recency.Remove(node);
                node.Value = state;
            }
            else
            {
                node = new LinkedListNode<StoredState>(state);
                byId[state.Id] = node;
                if (byId.Count > capacity)
                {
                    byId.Remove(recency.Last!.Value.Id);
                    recency.RemoveLast();
                }
            }
            recency.AddFirst(node);
        }
    }

    /// <summary>Forgets everything, as a restart does: the next reads go to the database.</summary>
    public void Clear()
    {
        lock (gate)
        {
            byId.Clear();
            recency.Clear();
        }
    }
}
