using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Tests.Dossiers;

/// <summary>Pre-registration offers filing online first where the procedure allows it: no trip at all, or a visit.</summary>
public sealed class OnlineFirstTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private DossierDesk Store => harness.Get<DossierDesk>();

    /// <summary>Each row: the procedure typed, and whether it can be filed online (its file has a guide).</summary>
    public static TheoryData<string, bool> Procedures => new()
    {
        { "khai sinh", true },
        { "khai tử", true },
        { "đăng ký thường trú", true },
        { "đăng ký tạm trú", true },
        { "chứng thực bản sao", false },
        { "xác nhận khuyết tật", false },
    };

    [Theory]
    [MemberData(nameof(Procedures))]
    public Task The_name_question_offers_online_first_only_where_the_procedure_allows(string procedure, bool online) =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send(procedure).AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                var buttons = message.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];
                Assert.Equal(online ? $"{PreRegisterTexts.OnlineFirst}\n{PreRegisterTexts.AskName}" : PreRegisterTexts.AskName, message.Text);
                Assert.Equal(online, buttons.Contains(ProcedureTexts.OnlineButton));
            })
            .StartTestAsync();

    [Fact]
    public async Task Choosing_online_sends_the_guide_and_files_nothing()
    {
        var birth = harness.Get<ProcedureCatalog>().Find("khai-sinh")!;
        await harness.SayAsync("đăng ký khai sinh cho con");
        await harness.SayAsync(MainMenu.PreRegister);

        var replies = (await harness.SayAsync(ProcedureTexts.OnlineButton)).Select(r => harness.Plain(r.Text)).ToList();

        Assert.Equal(4, replies.Count);
        Assert.StartsWith($"{birth.SimpleName}. {ProcedureTexts.Online}", replies[0], StringComparison.Ordinal);
        Assert.Contains(birth.OnlineGuide!.Steps[^1], replies[2], StringComparison.Ordinal);
        Assert.EndsWith(ProcedureTexts.GuideDesk, replies[3], StringComparison.Ordinal);
        Assert.Empty(await Store.ListByOwnerAsync(Chats.Channel, Chats.User));
        // The pre-registration is over: a name typed now is no answer to it.
        Assert.DoesNotContain(await harness.SayAsync("Hồ Thị Lan"), r => r.Text == PreRegisterTexts.AskPhone);
    }

    [Theory]
    [InlineData("lam truc tuyen")]
    [InlineData("Làm trực tuyến.")]
    public async Task The_online_button_typed_without_marks_is_the_same_choice(string typed)
    {
        await harness.SayAsync("Nộp hồ sơ trước");
        await harness.SayAsync("khai sinh");

        var replies = await harness.SayAsync(typed);

        Assert.Contains(ProcedureTexts.GuideSteps, harness.Plain(replies[2].Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answering_the_name_pre_registers_the_visit_and_the_offer_is_not_repeated()
    {
        await harness.Flow().PreRegister().StartTestAsync();

        var dossier = Assert.Single(await Store.ListByOwnerAsync(Chats.Channel, Chats.User));
        Assert.Equal(("khai-sinh", "Hồ Thị Lan"), (dossier.ProcedureId, dossier.ApplicantName));
    }

    [Fact]
    public Task Going_back_to_the_name_asks_it_plainly() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.OnlineFirst)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("quay lại").AssertReply(PreRegisterTexts.AskName)
            .StartTestAsync();
}
