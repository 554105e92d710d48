using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// A message of one everyday word that shares a single syllable with a procedure's name ("mai": ngày mai, or mai táng
/// phí?) asks what is meant; the name itself, or an abbreviation that stands for it, is answered.
/// </summary>
public sealed class OneWordTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static string Texts(IEnumerable<IMessageActivity> replies) => string.Join('\n', replies.Select(r => r.Text));

    [Theory]
    [InlineData("mai")]
    [InlineData("Mai")]
    [InlineData("mai.")]
    public async Task One_common_word_is_asked_about_not_answered(string message)
    {
        var replies = await harness.SayAsync(message);

        var asked = Assert.Single(replies);
        Assert.StartsWith("Có phải anh/chị hỏi về", asked.Text, StringComparison.Ordinal);
        Assert.Contains(ProcedureTexts.NotThis, asked.SuggestedActions.Actions.Select(a => a.Title));
        Assert.DoesNotContain("Giấy tờ cần mang", Texts(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mai táng phí", "mai táng")]
    [InlineData("tiền mai táng", "mai táng")]
    [InlineData("gks", "khai sinh")]
    public async Task A_name_or_an_abbreviation_of_one_is_answered(string message, string procedure)
    {
        var replies = await harness.SayAsync(message);

        Assert.DoesNotContain("Có phải anh/chị hỏi về", Texts(replies), StringComparison.Ordinal);
        Assert.Contains(procedure, replies[0].Text, StringComparison.OrdinalIgnoreCase);
    }
}
