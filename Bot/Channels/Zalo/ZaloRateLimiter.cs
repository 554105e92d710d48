using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// A token bucket over the OA API: <c>Burst</c> requests at once, then <c>RequestsPerMinute</c> evenly. Callers
/// over the limit wait their turn in arrival order instead of being refused, so the outbox simply slows down.
/// </summary>
public sealed class ZaloRateLimiter
{
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly double capacity;
    private readonly double tokensPerSecond;
    private double tokens;
    private long refilledAt;

    public ZaloRateLimiter(IOptions<ZaloOptions> options, TimeProvider timeProvider)
    {
        var limit = options.Value.RateLimit;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.RequestsPerMinute, 1, "Zalo:RateLimit:RequestsPerMinute");
        this.timeProvider = timeProvider;
        capacity = Math.Max(1, limit.Burst);
        tokensPerSecond = limit.RequestsPerMinute / 60.0;
        tokens = capacity;
        refilledAt = timeProvider.GetTimestamp();
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            var now = timeProvider.GetTimestamp();
            tokens = Math.Min(capacity, tokens + timeProvider.GetElapsedTime(refilledAt, now).TotalSeconds * tokensPerSecond);
            refilledAt = now;
            // Taking the token now, even into debt, reserves this caller's place in the queue.
            tokens -= 1;
            if (tokens >= 0)
            {
                return Task.CompletedTask;
            }
            wait = TimeSpan.FromSeconds(-tokens / tokensPerSecond);
        }
        return Task.Delay(wait, timeProvider, cancellationToken);
    }
}
