using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace OneStopBot.Bot.Notices;

/// <summary>
/// One token bucket per channel, holding a second's worth of messages. Buckets are refilled by a timer of the
/// injected <see cref="TimeProvider"/> rather than their own, so tests move time by hand.
/// </summary>
public sealed class ChannelRateLimits : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> limiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, int> limitFor;
    private readonly ITimer refill;

    public ChannelRateLimits(Func<string, int> limitFor, TimeProvider timeProvider)
    {
        this.limitFor = limitFor;
        refill = timeProvider.CreateTimer(_ => Refill(), null, Period, Period);
    }

    /// <summary>Waits for the channel's next free slot. The lease says whether one was granted.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string channelId, CancellationToken cancellationToken) =>
        limiters.GetOrAdd(channelId, Create).AcquireAsync(1, cancellationToken);

    public void Dispose()
    {
        refill.Dispose();
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private TokenBucketRateLimiter Create(string channelId)
    {
        var perSecond = limitFor(channelId);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = Period,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private void Refill()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.TryReplenish();
        }
    }
}
