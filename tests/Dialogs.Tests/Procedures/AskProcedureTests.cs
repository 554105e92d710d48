using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Procedures;

public sealed class AskProcedureTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private Procedure Procedure(string id) => harness.Get<ProcedureCatalog>().Find(id)!;

    /// <summary>
    /// The first answer: what it is; what to bring, numbered; time, fee and where on a line each — with buttons only
    /// for what it did not show.
    /// </summary>
    private TestFlow AssertFullAnswer(TestFlow flow, string id)
    {
        var procedure = Procedure(id);
        return flow
            .AssertReply(activity =>
            {
                var text = harness.Plain(((IMessageActivity)activity).Text);
                Assert.StartsWith(procedure.SimpleName, text, StringComparison.Ordinal);
                Assert.Contains(procedure.Summary, text, StringComparison.Ordinal);
            })
            .AssertReply(activity =>
            {
                var text = harness.Plain(((IMessageActivity)activity).Text);
                Assert.Contains($"\n1. {DocumentWording.Line(procedure.Documents[0])}", text, StringComparison.Ordinal);
                Assert.Contains($"\n{procedure.Documents.Count}. ", text, StringComparison.Ordinal);
            })
            .AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                var lines = harness.Plain(message.Text).Split('\n');
                Assert.Equal(3, lines.Length);
                Assert.Equal(ProcedureTexts.Time + procedure.Time.Text, lines[0]);
                Assert.Equal(ProcedureTexts.Fee + procedure.Fee.Text, lines[1]);
                Assert.StartsWith(ProcedureTexts.Where, lines[2], StringComparison.Ordinal);
                var buttons = message.SuggestedActions.Actions.Select(a => a.Title).ToList();
                Assert.Equal(Replies.Page(ProcedureAnswers.FirstAnswerButtons(procedure, procedure.Handler == ProcedureHandler.Unconfirmed), 0), buttons);
                // Nothing just shown is offered again.
                Assert.DoesNotContain(ProcedureTexts.DocumentsButton, buttons);
                Assert.DoesNotContain(ProcedureTexts.FeeButton, buttons);
                Assert.DoesNotContain(ProcedureTexts.TimeButton, buttons);
            });
    }

    [Theory]
    [InlineData("làm giấy khai sinh cho con", "khai-sinh")]
    [InlineData("lam giay khai sinh", "khai-sinh")]
    [InlineData("dang ky ket hon", "ket-hon")]
    [InlineData("thủ tục đăng ký thường trú", "thuong-tru")]
    public Task A_question_about_a_procedure_gets_the_essentials(string question, string id) =>
        AssertFullAnswer(harness.Flow().Send(question), id).StartTestAsync();

    public static TheoryData<string, Func<Procedure, string>> FollowUps => new()
    {
        { "mất bao lâu", p => p.Time.Text },
        { "hết bao nhiêu tiền", p => p.Fee.Text },
        { "cần giấy gì", p => p.Documents[0].Name },
        { "nộp ở mô", p => p.WhereAndWhen },
        { "Lệ phí", p => p.Fee.Text },
        { "Thời gian", p => p.Time.Text },
        { "Giấy tờ cần mang", p => p.Documents[0].Name },
    };

    [Theory]
    [MemberData(nameof(FollowUps))]
    public async Task A_follow_up_question_is_about_the_procedure_in_context(string followUp, Func<Procedure, string> expected)
    {
        var khaiSinh = Procedure("khai-sinh");
        var buttons = new List<string>();
        void Collect(IActivity activity) => buttons.AddRange(((IMessageActivity)activity).SuggestedActions.Actions.Select(a => a.Title));
        await AssertFullAnswer(harness.Flow().Send("đăng ký khai sinh"), "khai-sinh")
            .Send(followUp)
            .AssertReply(activity =>
            {
                var text = harness.Plain(((IMessageActivity)activity).Text);
                Assert.StartsWith(khaiSinh.SimpleName, text, StringComparison.Ordinal);
                Assert.Contains(expected(khaiSinh), text, StringComparison.Ordinal);
                Collect(activity);
            })
            // The rest of the buttons, "Khác…" by "Khác…".
            .Send(Replies.More).AssertReply(Collect)
            .Send(Replies.More).AssertReply(Collect)
            .StartTestAsync();

        Assert.Contains(MainMenu.TalkToStaff, buttons);
        Assert.Contains(ProcedureTexts.OtherProcedureButton, buttons);
    }

    [Fact]
    public Task The_menu_button_asks_which_procedure_then_answers() =>
        AssertFullAnswer(
            harness.Flow()
                .Send(MainMenu.AskProcedure).AssertReply(ProcedureTexts.AskWhich)
                .Send("dang ky ket hon"),
            "ket-hon").StartTestAsync();

    [Fact]
    public Task Huy_while_asked_which_procedure_brings_the_menu_back() =>
        harness.Flow()
            .Send(MainMenu.AskProcedure).AssertReply(ProcedureTexts.AskWhich)
            .Send("huỷ").AssertReplyWithButtons("đã dừng", [.. MainMenu.Items])
            .StartTestAsync();

    [Fact]
    public Task When_several_procedures_are_close_the_resident_chooses_by_number()
    {
        // "đất" names a family of procedures rather than one of them.
        const string question = "đất";
        var understood = harness.Get<MessageUnderstanding>().Understand(question);
        Assert.NotEmpty(understood.Alternatives);
        string[] candidates = [understood.ProcedureId!, .. understood.Alternatives];
        var second = Procedure(candidates[1]);

        return AssertFullAnswer(
            harness.Flow()
                .Send(question)
                .AssertReply(activity =>
                {
                    var message = (IMessageActivity)activity;
                    Assert.Equal(ProcedureTexts.ChooseOne, message.Text);
                    Assert.Equal(candidates.Length, message.SuggestedActions.Actions.Count);
                    Assert.StartsWith("2. ", message.SuggestedActions.Actions[1].Title, StringComparison.Ordinal);
                })
                .Send("2"),
            second.Id).StartTestAsync();
    }

    [Fact]
    public async Task A_question_nothing_fits_is_answered_plainly_and_kept_for_staff_without_personal_numbers()
    {
        await harness.Flow()
            .Send("giá vàng hôm nay bao nhiêu, gọi em 0912 345 678")
            .AssertReplyWithButtons(harness.Office.Phone, MainMenu.TalkToStaff, ProcedureTexts.OtherProcedureButton, MainMenu.CheckDossier)
            .StartTestAsync();

        var kept = Assert.Single(harness.Get<UnansweredQuestionStore>().Latest(10));
        Assert.StartsWith("giá vàng hôm nay bao nhiêu", kept.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("345", kept.Text, StringComparison.Ordinal);
        Assert.Equal("test", kept.ChannelId);
        Assert.Equal(harness.Time.GetUtcNow(), kept.AskedAt);
    }

    [Fact]
    public Task A_page_that_opens_on_a_procedure_gets_its_answer_at_once() =>
        AssertFullAnswer(
            harness.Flow().Send(new Activity
            {
                Type = ActivityTypes.Message,
                Text = "ket-hon",
                Value = JObject.FromObject(new { procedure = "ket-hon" }),
            }),
            "ket-hon").StartTestAsync();

    public static TheoryData<string> BadInput => new()
    {
        new string('a', 10_000),
        "😀😀😀",
        "\u0001\u0002\u0007",
        "khai sinh 出生登记 регистрация",
        "?!?!",
        "\u200b\u200b",
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public Task Bad_input_gets_a_polite_answer(string text) =>
        harness.Flow()
            .Send(text)
            .AssertReply(activity => Assert.False(string.IsNullOrWhiteSpace(((IMessageActivity)activity).Text)))
            .StartTestAsync();
}
