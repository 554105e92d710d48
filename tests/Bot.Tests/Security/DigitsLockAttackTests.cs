using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>Walking around the 5-wrong-digits lock: chats left waiting at the question, and guesses sent at once.</summary>
[Collection(SecurityCollection.Name)]
public sealed class DigitsLockAttackTests(SecurityHost host)
{
    private const int Chats = 20;
    private const int WrongGuessers = 15;
    private const string OwnerWarning = "Có người gõ sai";
    private const string Shown = "Trạng thái:";

    [Fact]
    public async Task Chats_parked_at_the_digits_question_before_the_lock_get_no_guess_compared_after_it()
    {
        var dossier = await host.DossierAsync();
        var parked = new List<Visitor>();
        for (var i = 0; i < Chats; i++)
        {
            var visitor = new Visitor(host.FromElsewhere());
            await visitor.StartAsync();
            Assert.Contains("4 số cuối", await visitor.SayAsync("Tra cứu hồ sơ " + dossier.Code), StringComparison.Ordinal);
            parked.Add(visitor);
        }

        // Every chat answers the question it was asked before the lock: wrong digits first, then the right ones.
        var replies = new List<string>();
        for (var i = 0; i < Chats; i++)
        {
            replies.Add(await parked[i].SayAsync(i < WrongGuessers ? $"{1000 + i}" : SecurityHost.Phone[^4..]));
        }

        Assert.All(replies[..4], reply => Assert.Contains("chưa đúng", reply, StringComparison.Ordinal));
        Assert.All(replies[4..], reply => Assert.Contains("đang tạm khoá", reply, StringComparison.Ordinal));
        Assert.All(replies, reply => Assert.DoesNotContain(Shown, reply, StringComparison.Ordinal));
        Assert.All(replies, SecurityHost.AssertNoPersonalData);
        Assert.Single(host.DeliveriesTo(dossier.Owner!.UserId), text => text.Contains(OwnerWarning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guesses_sent_all_at_once_are_counted_exactly_and_the_owner_is_warned_once()
    {
        var dossier = await host.DossierAsync();
        var guard = host.Get<LookupGuard>();
        var notices = host.Get<NoticeService>();

        var checks = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => guard.VerifyDigits(
            dossier.Code, $"{1000 + i}", (_, owner) => notices.NotifyStatusChange(owner, OwnerWarning + " " + dossier.Code)))));
        var right = guard.VerifyDigits(dossier.Code, SecurityHost.Phone[^4..], (_, _) => Assert.Fail("A lock is announced once."));

        Assert.Equal(new[] { 4, 3, 2, 1 }, checks.OfType<DigitsCheck.Wrong>().Select(wrong => wrong.Remaining).Order().Reverse());
        Assert.Single(checks, check => check is DigitsCheck.Locked { ByThisGuess: true });
        Assert.Equal(45, checks.Count(check => check is DigitsCheck.Locked { ByThisGuess: false }));
        Assert.IsType<DigitsCheck.Locked>(right);
        Assert.Single(host.DeliveriesTo(dossier.Owner!.UserId), text => text.StartsWith(OwnerWarning, StringComparison.Ordinal));
    }
}
