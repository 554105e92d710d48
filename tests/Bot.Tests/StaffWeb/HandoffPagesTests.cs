using System.Net;
using System.Net.Http.Json;
using OneStopBot.Bot.StaffWeb.Handoffs;
using OneStopBot.Bot.Tests.Notices;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

public sealed class HandoffPagesTests : IAsyncLifetime
{
    private const string List = "/can-bo/gap-can-bo";

    private readonly WorkspaceHost host = new();
    private readonly ChatAddress resident = OutboxTestHost.Chat("dan-1");

    [Fact]
    public async Task Open_handoffs_are_listed_and_a_closed_one_is_not()
    {
        var open = Forward("Cho hỏi làm giấy khai sinh cần gì?");
        var closed = Forward("Xin gặp cán bộ địa chính");
        host.Get<NoticeService>().CloseHandoff(closed.Id, "lan");

        var html = await host.Client.GetStringAsync(List);

        Assert.Contains($"""href="gap-can-bo/{open.Id}" """.TrimEnd(), html);
        Assert.Contains("Cho hỏi làm giấy khai sinh cần gì?", html);
        Assert.DoesNotContain(closed.Id, html);
    }

    [Fact]
    public async Task A_reply_from_the_page_reaches_the_residents_chat_as_a_staff_chat_reply_does()
    {
        var handoff = Forward("Mai tôi lên xã được không?");
        var page = $"{List}/{handoff.Id}";

        var response = await host.PostFormAsync(page, page + "/tra-loi", ("text", "Mai anh/chị lên lúc 8 giờ nhé."));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(page, BroadcastPagesTests.RedirectTarget(response));
        host.OpenGate();
        await host.Channel.WaitForSendsAsync(1);
        var (userId, activity) = Assert.Single(host.Channel.Sent);
        Assert.Equal("dan-1", userId);
        Assert.Equal(host.Get<INoticeTexts>().StaffReply(handoff.Id, "Mai anh/chị lên lúc 8 giờ nhé."), activity.Text);
        Assert.Equal(WorkspaceFactory.ClerkName, host.Get<IHandoffStore>().Find(handoff.Id)!.AnsweredBy);
    }

    [Fact]
    public async Task New_messages_are_fetched_after_a_cursor_in_order_and_each_only_once()
    {
        var handoff = Forward("Cho hỏi đăng ký kết hôn");
        var notices = host.Get<NoticeService>();
        notices.KeepResidentMessage(resident, "Tôi ở thôn 3");
        notices.ReplyToResident(handoff.Id, "Anh/chị mang căn cước nhé.", "lan");
        var url = $"{List}/{handoff.Id}/tin-nhan";

        var first = await host.Client.GetFromJsonAsync<HandoffMessages>(url + "?sau=0");
        notices.KeepResidentMessage(resident, "Số tôi 0912345678, gọi lại giúp");
        var next = await host.Client.GetFromJsonAsync<HandoffMessages>(url + "?sau=" + first!.Cursor);
        var nothing = await host.Client.GetFromJsonAsync<HandoffMessages>(url + "?sau=" + next!.Cursor);

        Assert.Equal([(null, "Tôi ở thôn 3"), ("lan", "Anh/chị mang căn cước nhé.")], first.Messages.Select(m => (m.StaffName, m.Text)));
        var latest = Assert.Single(next.Messages);
        Assert.Equal("Số tôi 09******78, gọi lại giúp", latest.Text);
        Assert.Empty(nothing!.Messages);
        Assert.Equal(next.Cursor, nothing.Cursor);
        Assert.False(nothing.Closed);
    }

    [Fact]
    public async Task Closing_ends_the_conversation_and_the_residents_later_messages_are_not_kept_for_it()
    {
        var handoff = Forward("Hỏi về đất");
        var page = $"{List}/{handoff.Id}";

        var response = await host.PostFormAsync(page, page + "/dong");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(List, BroadcastPagesTests.RedirectTarget(response));
        Assert.False(host.Get<NoticeService>().KeepResidentMessage(resident, "còn ai không?"));
        var messages = await host.Client.GetFromJsonAsync<HandoffMessages>($"{page}/tin-nhan?sau=0");
        Assert.True(messages!.Closed);
        Assert.Empty(messages.Messages);
        Assert.DoesNotContain("tra-loi", await host.Client.GetStringAsync(page));
    }

    [Theory]
    [InlineData("/can-bo/gap-can-bo/ZZZZ")]
    [InlineData("/can-bo/gap-can-bo/ZZZZ/tin-nhan?sau=0")]
    [InlineData("/can-bo/gap-can-bo/%3Cscript%3E/tin-nhan")]
    public async Task An_unknown_reference_gets_a_404_problem(string url)
    {
        var response = await host.Client.GetAsync(url);

        await BroadcastPagesTests.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cursor_that_is_not_a_number_gets_a_400_problem()
    {
        var handoff = Forward("Hỏi");

        var response = await host.Client.GetAsync($"{List}/{handoff.Id}/tin-nhan?sau=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Handoff Forward(string question) => host.Get<NoticeService>().ForwardToStaff(resident, question).Value!.Handoff;

    public Task InitializeAsync() => host.SignInAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }
}
