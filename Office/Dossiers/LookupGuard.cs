using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Dossiers;

/// <summary>Configuration section <c>Lookup</c>: how many failed codes or verifications a chat may make in a window.</summary>
public sealed class LookupGuardOptions
{
    public const string Section = "Lookup";

    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Whether a chat may try another lookup, and if not, when it may again.</summary>
public readonly record struct LookupPermission(bool Allowed, DateTimeOffset? RetryAt);

/// <summary>
/// Slows down guessing: more than <see cref="LookupGuardOptions.MaxFailures"/> failed codes or phone verifications
/// within <see cref="LookupGuardOptions.Window"/> from one chat, and that chat is refused until the window passes.
/// Kept in memory: a restart forgives everyone, which is acceptable for a rate limit.
/// </summary>
public sealed class LookupGuard(IOptions<LookupGuardOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public LookupPermission Check(string chatKey)
    {
        ArgumentNullException.ThrowIfNull(chatKey);
        if (!failures.TryGetValue(chatKey, out var queue))
        {
            return new LookupPermission(true, null);
        }
        lock (queue)
        {
            var now = time.GetUtcNow();
            Prune(queue, now);
            var (maxFailures, window) = Limits();
            if (queue.Count <= maxFailures)
            {
                return new LookupPermission(true, null);
            }
            // Allowed again once enough failures have left the window to bring the count back to the limit.
            return new LookupPermission(false, queue.ElementAt(queue.Count - maxFailures - 1) + window);
        }
    }

    /// <summary>Counts a failed code or verification; returns whether the chat may still try.</summary>
    public LookupPermission RecordFailure(string chatKey)
    {
        ArgumentNullException.ThrowIfNull(chatKey);
        var queue = failures.GetOrAdd(chatKey, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            queue.Enqueue(time.GetUtcNow());
        }
        ForgetQuietChats();
        return Check(chatKey);
    }

    private void Prune(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        var window = Limits().Window;
        while (queue.Count > 0 && queue.Peek() + window <= now)
        {
            queue.Dequeue();
        }
    }

    private (int MaxFailures, TimeSpan Window) Limits() =>
        (Math.Max(0, options.Value.MaxFailures), options.Value.Window > TimeSpan.Zero ? options.Value.Window : TimeSpan.FromMinutes(15));

    private void ForgetQuietChats()
    {
        // Keeps memory bounded: a chat with no failure left in the window needs no entry.
        var now = time.GetUtcNow();
        foreach (var (key, queue) in failures)
        {
            lock (queue)
            {
                Prune(queue, now);
                if (queue.Count == 0)
                {
                    failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, queue));
                }
            }
        }
    }
}
