using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;

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

    [Fact]
    public async Task Wrong_digits_count_down_the_fifth_locks_and_warns_the_owner_and_nothing_is_compared_until_the_window_passes()
    {
        var dossier = await office.Get<IDossierStore>().PreRegisterAsync(DossierStoreContract<LiteDbOffice>.Request(owner: DossierStoreContract<LiteDbOffice>.Owner("chu-ho-so")));
        var warned = new List<string>();
        void Warn(Dossier locked, ChatAddress owner) => warned.Add(owner.UserId);
        var first = office.Time.GetUtcNow();

        var wrong = Enumerable.Range(0, 4).Select(i => Guard.VerifyDigits(dossier.Code, $"100{i}", Warn)).ToList();
        var locking = Guard.VerifyDigits(dossier.Code, "1004", Warn);
        var right = Guard.VerifyDigits(dossier.Code, "5621", Warn);
        office.Time.SetUtcNow(first + TimeSpan.FromHours(24));
        var later = Guard.VerifyDigits(dossier.Code, "5621", Warn);

        Assert.Equal(new[] { 4, 3, 2, 1 }, wrong.Select(check => Assert.IsType<DigitsCheck.Wrong>(check).Remaining));
        Assert.Equal(new DigitsCheck.Locked(first + TimeSpan.FromHours(24), ByThisGuess: true), locking);
        Assert.Equal(new DigitsCheck.Locked(first + TimeSpan.FromHours(24), ByThisGuess: false), right);
        Assert.Equal(new[] { "chu-ho-so" }, warned);
        Assert.Equal(dossier.Code, Assert.IsType<DigitsCheck.Verified>(later).Dossier.Code);
    }

    [Fact]
    public async Task Staff_unlocking_a_code_lets_the_right_digits_through_at_once()
    {
        var dossier = await office.Get<IDossierStore>().PreRegisterAsync(DossierStoreContract<LiteDbOffice>.Request());
        for (var i = 0; i < 5; i++)
        {
            Guard.VerifyDigits(dossier.Code, "0000", (_, _) => { });
        }

        Assert.True(Guard.UnlockCode(dossier.Code));
        Assert.False(Guard.UnlockCode(dossier.Code));
        Assert.IsType<DigitsCheck.Verified>(Guard.VerifyDigits(dossier.Code, "5621", (_, _) => { }));
    }

    public void Dispose() => office.Dispose();
}
