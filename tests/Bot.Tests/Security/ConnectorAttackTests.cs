using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>Attacks on <c>/api/messages</c> as shipped (no app id): from afar, as another channel, with odd tokens and serviceUrls.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ConnectorAttackTests(SecurityHost host)
{
    private static string Activity(string channelId = "emulator", string serviceUrl = "http://localhost:1/", string from = "attacker", string text = "xin chào") =>
        new JObject
        {
            ["type"] = "message", ["text"] = text, ["channelId"] = channelId, ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JObject { ["id"] = "attack-" + from }, ["from"] = new JObject { ["id"] = from },
            ["recipient"] = new JObject { ["id"] = "bot" }, ["deliveryMode"] = "expectReplies",
        }.ToString();

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await client.SendAsync(request);
    }

    public static TheoryData<string, string, string, HttpStatusCode> Refused => new()
    {
        // Anonymous mode takes loopback callers only.
        { "remote", "emulator", "http://localhost:1/", HttpStatusCode.Forbidden },
        // ... naming loopback serviceUrls only, so the bot cannot be made to POST elsewhere.
        { "local", "emulator", "http://evil.example/", HttpStatusCode.Forbidden },
        { "local", "emulator", "http://127.0.0.1.evil.example/", HttpStatusCode.Forbidden },
        { "local", "emulator", "https://10.0.0.5/", HttpStatusCode.Forbidden },
        // The host's own channels: their users are established at their own endpoints.
        { "local", "zalo", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "ZALO", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "webchat", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "directline", "http://localhost:1/", HttpStatusCode.Forbidden },
        // ... however they are padded, hidden in or cased.
        { "local", "zalo ", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "\tzalo\n", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "zalo\u200b", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "\ufeffZalo\u2060", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "web\u200dchat", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "DIRECTLINE\u00ad", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "\uff5a\uff41\uff4c\uff4f", "http://localhost:1/", HttpStatusCode.Forbidden },
        // ... or carry controls, joiners and format characters beyond the first plane (a surrogate pair).
        { "local", "webchat\u0000", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "webchat\u007f", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "webchat\u034f", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "webchat\U0001D173", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "zalo\u0000", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "web chat", "http://localhost:1/", HttpStatusCode.Forbidden },
        { "local", "direct-line", "http://localhost:1/", HttpStatusCode.Forbidden },
        // serviceUrls that are not web addresses: a clear 400, not a 500.
        { "local", "emulator", "not a url", HttpStatusCode.BadRequest },
        { "local", "emulator", "file:///etc/passwd", HttpStatusCode.BadRequest },
        { "local", "emulator", "javascript:alert(1)", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callers_and_activities_this_mode_does_not_accept_get_a_problem_and_change_nothing(
        string caller, string channelId, string serviceUrl, HttpStatusCode expected)
    {
        var dossier = await host.DossierAsync();
        var before = host.Records();
        var client = caller == "local" ? host.Local : host.FromElsewhere();

        using var response = await PostAsync(client, Activity(channelId, serviceUrl, from: dossier.Owner!.UserId, text: "/hoso " + dossier.Code));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        SecurityHost.AssertNoPersonalData(await response.Content.ReadAsStringAsync());
        Assert.Equal(before, host.Records());
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJhcHBpZCI6IngifQ.")]
    public async Task Unreadable_or_unsigned_tokens_are_a_401_problem(string authorization)
    {
        using var response = await PostAsync(host.Local, Activity(), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_staff_id_on_the_anonymous_endpoint_gets_no_staff_view()
    {
        var dossier = await host.DossierAsync();
        var before = host.Records();
        var user = new ConnectorUser(host.Local, conversationId: "fake-staff", userId: "staff-emu");

        var replies = (await user.SayAsync("/hoso " + dossier.Code)).Texts() + (await user.SayAsync("/thongbao")).Texts();

        Assert.Contains(SecurityHost.StaffOnly, replies, StringComparison.Ordinal);
        SecurityHost.AssertNoPersonalData(replies);
        Assert.Equal(before, host.Records());
    }

    [Fact]
    public async Task A_residents_id_on_another_channel_is_not_their_chat()
    {
        var dossier = await host.DossierAsync();
        var user = new ConnectorUser(host.Local, conversationId: "fake-owner", userId: dossier.Owner!.UserId);

        var replies = (await user.SayAsync("Hồ sơ của tôi")).Texts() + (await user.SayAsync("Tra cứu hồ sơ " + dossier.Code)).Texts();

        SecurityHost.AssertNoPersonalData(replies);
    }

    [Fact]
    public async Task A_zalo_residents_subscription_cannot_be_ended_or_made_through_the_connector()
    {
        var resident = new ChatAddress("zalo", "2512888000000001", "{}");
        host.Get<NoticeService>().Subscribe(resident, null);
        var before = host.Records();
        var leave = new JObject
        {
            ["type"] = "conversationUpdate", ["channelId"] = "zalo", ["serviceUrl"] = "http://localhost:1/",
            ["conversation"] = new JObject { ["id"] = resident.UserId }, ["from"] = new JObject { ["id"] = resident.UserId },
            ["recipient"] = new JObject { ["id"] = "bot" }, ["membersRemoved"] = new JArray(new JObject { ["id"] = resident.UserId }),
        }.ToString();

        using var unsubscribe = await PostAsync(host.Local, leave);
        using var subscribe = await PostAsync(host.Local, Activity("zalo", from: "2512888000000002", text: "đăng ký nhận thông báo"));

        Assert.Equal(HttpStatusCode.Forbidden, unsubscribe.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, subscribe.StatusCode);
        Assert.True(host.Get<SubscriptionStore>().IsSubscribed(resident));
        Assert.Equal(before, host.Records());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("not a url")]
    public async Task Proactive_messages_never_go_to_a_service_url_no_authenticated_turn_came_from(string serviceUrl)
    {
        var reference = new ConversationReference
        {
            ChannelId = "msteams", ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = "c" },
            User = new ChannelAccount("u"), Bot = new ChannelAccount("bot"),
        };

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            host.Get<ProactiveMessenger>().SendAsync(reference, MessageFactory.Text("thông báo"), CancellationToken.None));

        Assert.False(failure.IsTransient);
    }
}
