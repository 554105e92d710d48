using Microsoft.Extensions.Time.Testing;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Engine;

/// <summary>An interruption puts a dialog with answers aside in a draft, and stops one without: each is told which.</summary>
public sealed class DraftEndTests
{
    private const string Question = "Anh/chị cho em hỏi một câu nhé?";

    /// <summary>A pre-registration that has <paramref name="answers"/> answers and writes down why it leaves the stack.</summary>
    private sealed class GuidedSample(int answers, List<DialogReason> ends) : Dialog(DialogIds.PreRegister), IGuidedDialog
    {
        public string Purpose => PreRegisterTexts.Purpose;

        public int Answers(DialogInstance instance) => answers;

        public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
        {
            await dc.Context.SendActivityAsync(Question, cancellationToken: cancellationToken);
            return DialogTurnResult.Waiting;
        }

        public override Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        {
            ends.Add(reason);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData(2, DialogReason.Suspended)]
    [InlineData(0, DialogReason.Cancelled)]
    public async Task A_person_asked_for_mid_dialog_puts_it_aside_only_when_it_has_answers(int answers, DialogReason told)
    {
        var ends = new List<DialogReason>();
        var time = new FakeTimeProvider(ConversationHarness.DefaultStart);
        using var harness = new ConversationHarness(time: time, replace: new GuidedSample(answers, ends));

        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(Question)
            .Send("gặp cán bộ").AssertReplyContains("gọi")
            .StartTestAsync();

        Assert.Equal([told], ends);
    }
}
