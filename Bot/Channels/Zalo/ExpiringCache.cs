namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// A small in-memory map whose entries expire after <c>lifetime</c> and of which at most <c>capacity</c> are kept,
/// the oldest going first, so a flood of distinct keys cannot grow memory without bound.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(int capacity, TimeSpan lifetime, TimeProvider timeProvider)
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> entries = new();
    private readonly LinkedList<Entry> byAge = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                Prune(timeProvider.GetUtcNow());
                return entries.Count;
            }
        }
    }

    /// <summary>Adds the entry unless a live one has that key; true when added.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            Prune(now);
            if (entries.ContainsKey(key))
            {
                return false;
            }
            Insert(key, value, now);
            return true;
        }
    }

    /// <summary>Adds or replaces the entry; a replaced entry starts a new lifetime.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            Prune(now);
            Remove(key);
            Insert(key, value, now);
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            Prune(timeProvider.GetUtcNow());
            if (entries.TryGetValue(key, out var node))
            {
                value = node.Value.Value;
                return true;
            }
            value = default!;
            return false;
        }
    }

    public void Remove(TKey key)
    {
        lock (gate)
        {
            if (entries.Remove(key, out var node))
            {
                byAge.Remove(node);
            }
        }
    }

    private void Insert(TKey key, TValue value, DateTimeOffset now)
    {
        entries[key] = byAge.AddLast(new Entry(key, value, now + lifetime));
        while (entries.Count > Math.Max(1, capacity))
        {
            RemoveOldest();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (byAge.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            RemoveOldest();
        }
    }

    private void RemoveOldest()
    {
        var oldest = byAge.First!;
        byAge.RemoveFirst();
        entries.Remove(oldest.Value.Key);
    }

    private sealed record Entry(TKey Key, TValue Value, DateTimeOffset ExpiresAt);
}
