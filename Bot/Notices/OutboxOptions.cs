using System.Threading.RateLimiting;

namespace OneStopBot.Bot.Notices;

/// <summary>Configuration section <c>Outbox</c>: how fast and how persistently proactive messages are sent.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    public const string DefaultChannel = "default";

    /// <summary>Messages per second when neither the channel nor <c>default</c> is configured.</summary>
    public const int FallbackRateLimit = 30;

    /// <summary>Messages per <see cref="RateLimitWindow"/> for each channel id; <c>default</c> applies to channels not listed.</summary>
    public Dictionary<string, int> RateLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The window <see cref="RateLimits"/> count in: one second.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rounds of delivery before a row is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Immediate retries inside one round, for blips.</summary>
    public int QuickRetries { get; set; } = 2;

    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before the second round; it doubles for each later round.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 200;

    public int MaxConcurrency { get; set; } = 4;

    public int FanOutPageSize { get; set; } = 500;

    /// <summary>How often the worker looks for due rows when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int RateLimitFor(string channelId) =>
        RateLimits.TryGetValue(channelId, out var limit) || RateLimits.TryGetValue(DefaultChannel, out limit) ? limit : FallbackRateLimit;

    /// <summary>
    /// A fixed window per channel from <see cref="System.Threading.RateLimiting"/>. A send over the limit waits for the
    /// next window in arrival order rather than being refused: the outbox slows down, it does not fail.
    /// </summary>
    public PartitionedRateLimiter<string> CreateRateLimiter() =>
        PartitionedRateLimiter.Create<string, string>(
            channelId => RateLimitPartition.GetFixedWindowLimiter(channelId, id => new FixedWindowRateLimiterOptions
            {
                PermitLimit = RateLimitFor(id),
                Window = RateLimitWindow,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                // Waiting sends are bounded by MaxConcurrency.
                QueueLimit = int.MaxValue,
            }),
            StringComparer.OrdinalIgnoreCase);

    public bool IsValid() =>
        MaxAttempts >= 1 && QuickRetries >= 0 && BatchSize >= 1 && MaxConcurrency >= 1 && FanOutPageSize >= 1
        && PollInterval > TimeSpan.Zero && RateLimitWindow > TimeSpan.Zero && SendTimeout > TimeSpan.Zero && RetryDelay >= TimeSpan.Zero
        && QuickRetryDelay >= TimeSpan.Zero && RateLimits.Values.All(limit => limit >= 1);
}
