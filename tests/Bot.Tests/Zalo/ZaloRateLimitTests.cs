using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

/// <summary>The OA API's limit: a token bucket per OA, whose callers wait rather than fail.</summary>
public sealed class ZaloRateLimitTests
{
    private static System.Threading.RateLimiting.PartitionedRateLimiter<string> Limiter(int perMinute, int burst) =>
        new ZaloRateLimitOptions { RequestsPerMinute = perMinute, Burst = burst }.CreateLimiter();

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 5)]
    [InlineData(2, 3)]
    public async Task A_burst_passes_at_once_and_the_next_request_waits(int perMinute, int burst)
    {
        using var limiter = Limiter(perMinute, burst);
        for (var i = 0; i < burst; i++)
        {
            Assert.True((await limiter.AcquireAsync("oa-a")).IsAcquired);
        }

        var next = limiter.AcquireAsync("oa-a").AsTask();

        Assert.False(next.IsCompleted);
        Assert.True(limiter.AttemptAcquire("oa-b").IsAcquired);
    }

    [Fact]
    public async Task One_oa_at_its_limit_does_not_hold_another()
    {
        using var limiter = Limiter(perMinute: 1, burst: 1);
        Assert.True((await limiter.AcquireAsync(ZaloTokenProvider.Channel)).IsAcquired);

        var provincial = limiter.AcquireAsync(ZaloTokenProvider.Channel).AsTask();
        var commune = await limiter.AcquireAsync(ZaloTokenProvider.StoreKey("579745863508352884"));

        Assert.True(commune.IsAcquired);
        Assert.False(provincial.IsCompleted);
    }

    [Fact]
    public async Task A_waiting_caller_can_give_up()
    {
        using var limiter = Limiter(perMinute: 1, burst: 1);
        await limiter.AcquireAsync("oa-a");
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("oa-a", cancellationToken: cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
