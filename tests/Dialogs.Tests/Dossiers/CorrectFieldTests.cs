using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Dossiers;

/// <summary>Each field of the pre-registration summary, picked by its button or its number, asks that field's question again and no other.</summary>
public sealed class CorrectFieldTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData(PreRegisterTexts.FieldProcedure, PreRegisterTexts.AskProcedure)]
    [InlineData(PreRegisterTexts.FieldName, PreRegisterTexts.AskName)]
    [InlineData(PreRegisterTexts.FieldPhone, PreRegisterTexts.AskPhone)]
    [InlineData(PreRegisterTexts.FieldVillage, PreRegisterTexts.AskVillage)]
    [InlineData(PreRegisterTexts.FieldDay, "ngày nào?")]
    [InlineData(PreRegisterTexts.FieldCitizenId, PreRegisterTexts.AskCitizenId)]
    [InlineData("1", PreRegisterTexts.AskProcedure)]
    [InlineData("3", PreRegisterTexts.AskPhone)]
    [InlineData("6", PreRegisterTexts.AskCitizenId)]
    public Task A_field_picked_from_the_summary_is_the_one_asked_again(string picked, string question) =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").SkipReplies(1).AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("ngày nào?")
            .Send("mai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("bỏ qua").AssertReplyContains(PreRegisterTexts.SummaryPhone + "0912345621")
            .Send(PreRegisterTexts.Correct).AssertReplyContains(PreRegisterTexts.AskField)
            .Send(picked).AssertReply(activity => Assert.Contains(question, ((IMessageActivity)activity).Text, StringComparison.Ordinal))
            .StartTestAsync();
}
