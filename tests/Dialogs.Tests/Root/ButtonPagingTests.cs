using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>
/// No message carries more than <see cref="Replies.MaxButtons"/> buttons (every conversation of the harness checks it);
/// longer lists show three at a time and "Khác…" for the next.
/// </summary>
public sealed class ButtonPagingTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    // choices, page, buttons shown
    [InlineData(4, 0, "1 2 3 4")]
    [InlineData(5, 0, "1 2 3 Khác…")]
    [InlineData(5, 1, "4 5 Khác…")]
    [InlineData(5, 2, "1 2 3 Khác…")]
    [InlineData(6, 1, "4 5 6 Khác…")]
    [InlineData(7, 1, "4 5 6 7")]
    [InlineData(7, 2, "1 2 3 Khác…")]
    [InlineData(8, 1, "4 5 6 Khác…")]
    [InlineData(8, 2, "7 8 Khác…")]
    public void Long_lists_are_paged_three_at_a_time_with_khac_and_the_last_page_holds_up_to_four(int count, int page, string shown)
    {
        var choices = Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(shown.Split(' '), Replies.Page(choices, page));
    }

    [Fact]
    public Task The_main_menu_shows_four_buttons_and_khac_leads_to_the_rest() =>
        harness.Flow()
            .Send("xin chào").AssertReply(activity => Assert.Equal(
                [MainMenu.AskProcedure, MainMenu.CheckDossier, MainMenu.PreRegister, Replies.More], Buttons(activity)))
            .Send(Replies.More).AssertReply(activity =>
            {
                Assert.Equal(ButtonPages.NextPageText, ((IMessageActivity)activity).Text);
                Assert.Equal([MainMenu.Subscribe, MainMenu.TalkToStaff, Replies.More], Buttons(activity));
            })
            .Send(MainMenu.TalkToStaff).AssertReplyContains("cán bộ")
            .StartTestAsync();

    [Fact]
    public Task Six_villages_show_three_at_a_time_and_one_from_any_page_answers_the_question() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReply(activity =>
            {
                Assert.Equal(PreRegisterTexts.AskVillage, ((IMessageActivity)activity).Text);
                Assert.Equal(["Thôn 1", "Thôn 2", "Thôn 3", Replies.More], Buttons(activity));
            })
            .Send("khac").AssertReply(activity => Assert.Equal(["Thôn 4", "Thôn 5", "Thôn 6", Replies.More], Buttons(activity)))
            .Send(Replies.More).AssertReply(activity => Assert.Equal(["Thôn 1", "Thôn 2", "Thôn 3", Replies.More], Buttons(activity)))
            .Send(Replies.More).AssertReply(activity => Assert.Equal(["Thôn 4", "Thôn 5", "Thôn 6", Replies.More], Buttons(activity)))
            .Send("Thôn 5").AssertReplyContains("ngày nào?")
            .StartTestAsync();

    [Fact]
    public Task A_refused_day_offers_the_working_days_four_at_a_time() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("chủ nhật").AssertReply(activity => Assert.Equal(["thứ Hai 30/11", "thứ Ba 01/12", "thứ Tư 02/12", Replies.More], Buttons(activity)))
            .Send(Replies.More).AssertReply(activity => Assert.Equal(["thứ Năm 03/12", "thứ Sáu 04/12", Replies.More], Buttons(activity)))
            .Send("thứ Sáu 04/12").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .StartTestAsync();

    [Fact]
    public Task Khac_with_no_long_list_under_the_last_message_is_an_ordinary_message() =>
        harness.Flow()
            .Send("xin chào").AssertReplyContains("Chào anh/chị")
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send(Replies.More).AssertReply(activity => Assert.NotEqual(ButtonPages.NextPageText, ((IMessageActivity)activity).Text))
            .StartTestAsync();

    private static IEnumerable<string> Buttons(IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions.Select(a => a.Title) ?? [];
}
