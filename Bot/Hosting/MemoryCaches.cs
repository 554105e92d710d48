using Microsoft.Extensions.Caching.Memory;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// The host's in-process caches are <see cref="MemoryCache"/>s made here: a number of entries (each of size 1), expiry
/// and recency on the injected clock, and room made at once when full.
/// </summary>
public static class MemoryCaches
{
    /// <summary>A cache of at most <paramref name="capacity"/> entries whose expiry and recency follow <paramref name="time"/>.</summary>
    public static MemoryCache Bounded(int capacity, TimeProvider time) => new(new MemoryCacheOptions
    {
        SizeLimit = capacity,
        // Judged on the injected clock, so that tests move time by hand.
        Clock = new Clock(time),
    });

    /// <summary>
    /// Stores an entry; when the cache is full, the least recently used twentieth of it (at least one entry) leaves
    /// first, at once. MemoryCache alone refuses an entry over its size limit and compacts later on the thread pool,
    /// so the newest entry, the one about to be read again, would be the one missing.
    /// </summary>
    public static void SetMakingRoom<T>(this MemoryCache cache, object key, T value, long capacity, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.Count >= capacity && !cache.TryGetValue(key, out _))
        {
            var leaving = Math.Max(1, capacity / 20);
            // Compact removes (int)(Count × share) entries: half an entry more keeps the rounding from losing one.
            cache.Compact((leaving + 0.5) / cache.Count);
        }
        cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
    }

    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
