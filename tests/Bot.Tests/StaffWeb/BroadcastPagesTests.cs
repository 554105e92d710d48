using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStopBot.Bot.StaffWeb.Broadcasts;
using OneStopBot.Bot.Tests.Notices;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.StaffWeb;

public sealed class BroadcastPagesTests : IAsyncLifetime
{
    private const string Page = "/can-bo/thong-bao";

    private readonly WorkspaceHost host = new();

    [Fact]
    public async Task The_page_offers_every_configured_village_and_previews_with_the_buttons_a_phone_shows()
    {
        var html = await host.Client.GetStringAsync(Page);

        foreach (var village in new[] { "Thôn 1", "Thôn 2", "Thôn 6" })
        {
            Assert.Contains($"""name="village" value="{village}" """.TrimEnd(), html);
        }
        Assert.Contains(BroadcastTexts.PreviewHeading, html);
        foreach (var button in OneStopBot.Dialogs.Notices.NoticeTexts.Broadcast)
        {
            Assert.Contains($"""<span class="chip">{button}</span>""", html);
        }
        Assert.Contains(BroadcastTexts.NoHistory, html);
    }

    [Fact]
    public async Task Sending_to_two_villages_reaches_their_subscribers_only_and_the_history_counts_them()
    {
        var subscriptions = host.Get<SubscriptionStore>();
        subscriptions.Subscribe(OutboxTestHost.Chat("t1"), "Thôn 1");
        subscriptions.Subscribe(OutboxTestHost.Chat("t3"), "Thôn 3");
        subscriptions.Subscribe(OutboxTestHost.Chat("t5"), "Thôn 5");

        var response = await host.PostFormAsync(Page, Page, ("text", "Họp dân 8 giờ sáng mai."), ("village", "Thôn 1"), ("village", "Thôn 3"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Page + "#history-heading", RedirectTarget(response));
        var notices = host.Get<NoticeStore>().Latest(10);
        Assert.Equal(["Thôn 1", "Thôn 3"], notices.Select(n => n.Village).Order());
        Assert.All(notices, n => Assert.Equal(WorkspaceFactory.ClerkName, n.CreatedBy));

        var history = await host.Client.GetStringAsync(Page);
        Assert.Contains($"""data-progress="thong-bao/{notices[0].Id}/tien-do" """.TrimEnd(), history);
        var pending = await host.Client.GetFromJsonAsync<JsonElement>($"{Page}/{notices[0].Id}/tien-do");
        Assert.Equal((0, 1, 0), Counts(pending));

        host.OpenGate();
        await host.Channel.WaitForSendsAsync(2);
        Assert.Equal(["t1", "t3"], host.Channel.Sent.Select(s => s.UserId).Order());
        Assert.All(host.Channel.Sent, s => Assert.Equal("Họp dân 8 giờ sáng mai.", s.Activity.Text));
    }

    [Fact]
    public async Task No_village_chosen_sends_one_notice_to_every_subscriber()
    {
        var response = await host.PostFormAsync(Page, Page, ("text", "Mất điện chiều nay."));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var notice = Assert.Single(host.Get<NoticeStore>().Latest(10));
        Assert.Null(notice.Village);
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("   ", "text")]
    public async Task An_empty_notice_gets_a_polite_problem_and_sends_nothing(string text, string field)
    {
        var response = await host.PostFormAsync(Page, Page, ("text", text));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Empty(host.Get<NoticeStore>().Latest(10));
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }

    /// <summary>Where a redirect leads, resolved against the request as a browser does: path, query and fragment.</summary>
    internal static string RedirectTarget(HttpResponseMessage response) =>
        new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!).GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.Unescaped);

    private static (int, int, int) Counts(JsonElement status) =>
        (status.GetProperty("sent").GetInt32(), status.GetProperty("pending").GetInt32(), status.GetProperty("failed").GetInt32());

    public Task InitializeAsync() => host.SignInAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }
}
