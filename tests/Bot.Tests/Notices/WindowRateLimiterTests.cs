using OneStopBot.Bot.Notices;

namespace OneStopBot.Bot.Tests.Notices;

public sealed class WindowRateLimiterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(60)]
    public void A_window_grants_its_permits_and_no_more_until_replenished(int perWindow)
    {
        using var limiter = new WindowRateLimiter(perWindow, TimeSpan.FromSeconds(1));

        var granted = Enumerable.Range(0, perWindow + 2).Count(_ => limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(perWindow, granted);

        limiter.TryReplenish();
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var statistics = limiter.GetStatistics()!;
        Assert.Equal(perWindow + 1, statistics.TotalSuccessfulLeases);
        Assert.Equal(2, statistics.TotalFailedLeases);
        Assert.Equal(perWindow - 1, statistics.CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_waiting_acquisition_completes_at_the_next_window()
    {
        using var limiter = new WindowRateLimiter(1, TimeSpan.FromSeconds(1));
        Assert.True((await limiter.AcquireAsync()).IsAcquired);

        var waiting = limiter.AcquireAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        limiter.TryReplenish();
        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_nothing_away()
    {
        using var limiter = new WindowRateLimiter(1, TimeSpan.FromSeconds(1));
        limiter.AttemptAcquire();
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        limiter.TryReplenish();
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void Asking_for_more_than_a_window_holds_is_an_error()
    {
        using var limiter = new WindowRateLimiter(2, TimeSpan.FromSeconds(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(3));
    }
}
