using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace OneStopBot.Bot.Notices;

/// <summary>
/// One <see cref="WindowRateLimiter"/> per channel, allowing its configured messages per second. Windows are renewed
/// by a timer of the injected <see cref="TimeProvider"/>, so tests move time by hand.
/// </summary>
public sealed class ChannelRateLimits : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, WindowRateLimiter> limiters = new(StringComparer.OrdinalIgnoreCase);
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

    private WindowRateLimiter Create(string channelId) => new(limitFor(channelId), Period);

    private void Refill()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.TryReplenish();
        }
    }
}
