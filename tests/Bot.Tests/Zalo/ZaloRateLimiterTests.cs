using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloRateLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private ZaloRateLimiter Limiter(int perMinute, int burst) =>
        new(Options.Create(new ZaloOptions { RateLimit = new ZaloRateLimitOptions { RequestsPerMinute = perMinute, Burst = burst } }), time);

    [Fact]
    public async Task A_burst_passes_at_once_and_the_rest_waits_for_its_share_of_the_minute()
    {
        var limiter = Limiter(perMinute: 60, burst: 2);

        await limiter.WaitAsync(CancellationToken.None);
        await limiter.WaitAsync(CancellationToken.None);
        var third = limiter.WaitAsync(CancellationToken.None);
        var fourth = limiter.WaitAsync(CancellationToken.None);

        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third;
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await fourth;
    }

    [Fact]
    public async Task Idle_time_refills_the_bucket_up_to_the_burst()
    {
        var limiter = Limiter(perMinute: 60, burst: 3);
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
        }

        time.Advance(TimeSpan.FromMinutes(5));

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        }
        Assert.False(limiter.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task A_waiting_caller_can_give_up()
    {
        var limiter = Limiter(perMinute: 1, burst: 1);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
