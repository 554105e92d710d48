using System.Net;
using OneStopBot.Office;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.Tests.Notices;
using OneStopBot.Bot.Tests.StaffWeb;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>Attacks on the broadcasts and handoffs pages: markup in what reaches them, forged forms, made-up villages.</summary>
public sealed class StaffWorkspaceFormAttackTests : IAsyncLifetime
{
    private const string Broadcasts = "/can-bo/thong-bao";
    private const string Handoffs = "/can-bo/gap-can-bo";
    private const string Markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    private readonly WorkspaceHost host = new();

    [Fact]
    public async Task Markup_in_a_notice_is_shown_as_text_in_the_history()
    {
        await host.PostFormAsync(Broadcasts, Broadcasts, ("text", Markup));

        var html = await host.Client.GetStringAsync(Broadcasts);

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Markup_in_a_residents_question_and_messages_is_shown_as_text()
    {
        var resident = OutboxTestHost.Chat("x");
        var notices = host.Get<NoticeService>();
        var handoff = notices.ForwardToStaff(resident, Markup).Value!.Handoff;
        notices.KeepResidentMessage(resident, "</p></li></ol>" + Markup);

        var list = await host.Client.GetStringAsync(Handoffs);
        var conversation = await host.Client.GetStringAsync($"{Handoffs}/{handoff.Id}");

        foreach (var html in new[] { list, conversation })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        Assert.Contains("&lt;/p&gt;&lt;/li&gt;&lt;/ol&gt;", conversation);
    }

    [Theory]
    [InlineData(Broadcasts)]
    [InlineData(Handoffs + "/{0}/tra-loi")]
    [InlineData(Handoffs + "/{0}/dong")]
    public async Task A_form_without_the_antiforgery_token_is_refused_and_changes_nothing(string action)
    {
        var handoff = host.Get<NoticeService>().ForwardToStaff(OutboxTestHost.Chat("r"), "Hỏi").Value!.Handoff;
        host.Get<SubscriptionStore>().Subscribe(OutboxTestHost.Chat("s"), null);

        var response = await host.Client.PostAsync(TextTemplate.Fill(action, handoff.Id), new FormUrlEncodedContent(
            [new("text", "Giả mạo"), new("village", "Thôn 1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffPageTexts.FormExpired, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
        var stored = host.Get<IHandoffStore>().Find(handoff.Id)!;
        Assert.Equal((null, null), (stored.AnsweredAt, stored.ClosedAt));
        Assert.Empty(host.Get<IHandoffStore>().Messages(handoff.Id, 0, 10));
    }

    [Fact]
    public async Task A_token_from_another_members_browser_does_not_pass_with_this_ones_session()
    {
        var token = Workspace.TokenIn(await host.Client.GetStringAsync(Broadcasts));
        using var other = await host.NewBrowser().SignedInAsync(WorkspaceFactory.OtherClerk);
        await other.Client.GetStringAsync(Broadcasts);

        var response = await other.Client.PostAsync(Broadcasts, Workspace.Form(token, ("text", "Giả mạo")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffPageTexts.FormExpired, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
    }

    [Theory]
    [InlineData("Thôn Không Có")]
    [InlineData("<b>Thôn 1</b>")]
    [InlineData("Thôn 1 ; DROP")]
    public async Task A_village_not_configured_gets_a_polite_problem_and_no_village_is_sent_to(string village)
    {
        host.Get<SubscriptionStore>().Subscribe(OutboxTestHost.Chat("s"), "Thôn 1");

        var response = await host.PostFormAsync(Broadcasts, Broadcasts, ("text", "Họp"), ("village", "Thôn 1"), ("village", village));

        await BroadcastPagesTests.AssertProblem(response, HttpStatusCode.BadRequest, NoticeService.VillageField);
        // The answer names the villages to choose from; it is JSON, which no page renders as markup.
        Assert.Contains("Thôn 2", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
    }

    [Fact]
    public async Task A_form_the_reader_refuses_gets_a_400_page_not_a_server_error()
    {
        var response = await host.PostFormAsync(Broadcasts, Broadcasts, ("text", "Họp"), ("village", "Thôn 1\u0000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffPageTexts.BadForm, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
    }

    [Fact]
    public async Task A_notice_over_the_limit_gets_a_problem()
    {
        var response = await host.PostFormAsync(Broadcasts, Broadcasts, ("text", new string('đ', NoticeService.MaxTextLength + 1)));

        await BroadcastPagesTests.AssertProblem(response, HttpStatusCode.BadRequest, NoticeService.TextField);
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
    }

    [Theory]
    [InlineData(Broadcasts)]
    [InlineData(Broadcasts + "/1/tien-do")]
    [InlineData(Handoffs)]
    [InlineData(Handoffs + "/ABCD/tin-nhan?sau=0")]
    public async Task Without_a_session_nothing_is_shown_and_the_browser_is_sent_to_sign_in(string url)
    {
        using var anonymous = host.NewBrowser();

        var response = await anonymous.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(StaffSignInPage.Path, BroadcastPagesTests.RedirectTarget(response));
    }

    [Theory]
    [InlineData(Broadcasts)]
    [InlineData(Handoffs + "/{0}/tra-loi")]
    [InlineData(Handoffs + "/{0}/dong")]
    public async Task Without_a_session_a_form_gets_a_401_and_changes_nothing(string action)
    {
        var handoff = host.Get<NoticeService>().ForwardToStaff(OutboxTestHost.Chat("r"), "Hỏi").Value!.Handoff;
        using var anonymous = host.NewBrowser();

        var response = await anonymous.Client.PostAsync(TextTemplate.Fill(action, handoff.Id), Workspace.Form(null, ("text", "Giả mạo")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(StaffPageTexts.SignInFirst, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
        Assert.Equal((null, null), (host.Get<IHandoffStore>().Find(handoff.Id)!.AnsweredAt, host.Get<IHandoffStore>().Find(handoff.Id)!.ClosedAt));
    }

    public Task InitializeAsync() => host.SignInAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }
}
