using System.Globalization;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>
/// The held-out set of small talk and real messages, through the whole bot: small talk gets one polite line and is
/// not kept for staff; a real message is never answered that way, and is kept for staff unless something answers it.
/// </summary>
public sealed class SmallTalkTests
{
    private const double MinimumSmallTalkAnswered = 0.9;

    private static readonly IReadOnlyList<SmallTalkCase> Cases = SmallTalkSet.Load(SmallTalkSet.Path);

    [Fact]
    public async Task Real_messages_reach_staff_or_an_answer_and_small_talk_is_not_kept()
    {
        var smallTalkAnswered = 0;
        string? notFound = null;
        foreach (var row in Cases)
        {
            using var harness = new ConversationHarness();
            var replies = await harness.SayAsync(row.Text);
            var recorded = harness.Get<UnansweredQuestionStore>().Latest(10);
            notFound ??= string.Format(CultureInfo.InvariantCulture, ProcedureTexts.NotFound, harness.Office.Phone);
            var chitChat = replies is [{ Text: RootTexts.ChitChat }];
            Assert.False(chitChat && recorded.Count > 0, $"line {row.Line}: small talk kept for staff");
            if (row.SmallTalk)
            {
                smallTalkAnswered += chitChat ? 1 : 0;
                continue;
            }

            Assert.False(chitChat, $"line {row.Line}: \"{row.Text}\" taken for small talk");
            // What nothing answers goes to staff.
            Assert.True(replies[0].Text != notFound || recorded.Count == 1, $"line {row.Line}: \"{row.Text}\" not kept for staff");
        }

        Assert.True(smallTalkAnswered >= MinimumSmallTalkAnswered * Cases.Count(c => c.SmallTalk), $"{smallTalkAnswered} small talk answered");
    }
}
