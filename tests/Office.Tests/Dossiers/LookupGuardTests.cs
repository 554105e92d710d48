using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

public sealed class LookupGuardTests : IDisposable
{
    private readonly TestOffice office = new();

    private LookupGuard Guard => office.Get<LookupGuard>();

    [Fact]
    public void Five_failures_are_allowed_and_the_sixth_refuses_until_the_window_passes()
    {
        var first = office.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(Guard.RecordFailure("webchat/u1").Allowed);
            office.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = Guard.RecordFailure("webchat/u1");

        Assert.False(refused.Allowed);
        Assert.Equal(first + TimeSpan.FromMinutes(15), refused.RetryAt);
        office.Time.SetUtcNow(first + TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.False(Guard.Check("webchat/u1").Allowed);
        office.Time.SetUtcNow(first + TimeSpan.FromMinutes(15));
        Assert.True(Guard.Check("webchat/u1").Allowed);
    }

    [Fact]
    public void Chats_are_counted_separately()
    {
        for (var i = 0; i < 6; i++)
        {
            Guard.RecordFailure("zalo/a");
        }

        Assert.False(Guard.Check("zalo/a").Allowed);
        Assert.True(Guard.Check("zalo/b").Allowed);
        Assert.True(Guard.RecordFailure("zalo/b").Allowed);
    }

    [Fact]
    public void Failures_spread_beyond_the_window_never_refuse()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.True(Guard.RecordFailure("webchat/slow").Allowed);
            office.Time.Advance(TimeSpan.FromMinutes(4));
        }
    }

    [Fact]
    public void More_failures_while_refused_push_the_retry_time_back()
    {
        var start = office.Time.GetUtcNow();
        for (var i = 0; i < 6; i++)
        {
            Guard.RecordFailure("webchat/u");
        }
        office.Time.Advance(TimeSpan.FromMinutes(10));

        var refused = Guard.RecordFailure("webchat/u");

        // Seven failures: two must leave the window, the second of them at start + 15 minutes.
        Assert.Equal(start + TimeSpan.FromMinutes(15), refused.RetryAt);
        office.Time.SetUtcNow(start + TimeSpan.FromMinutes(15));
        Assert.True(Guard.Check("webchat/u").Allowed);
    }

    public void Dispose() => office.Dispose();
}
