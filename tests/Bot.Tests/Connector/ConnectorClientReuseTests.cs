using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Connector;
using OneStopBot.Bot.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace OneStopBot.Bot.Tests.Connector;

/// <summary>
/// Connector and token clients are built once and shared, none at all for expectReplies turns; replies and
/// proactive messages still reach the channel's service.
/// </summary>
public sealed class ConnectorClientReuseTests : IDisposable
{
    private readonly WireMockServer channel = WireMockServer.Start();

    public ConnectorClientReuseTests()
    {
        channel.Given(Request.Create().WithPath("/v3/conversations/*").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = "sent" }));
    }

    [Fact]
    public async Task ExpectReplies_turns_build_no_connector_client()
    {
        using var factory = new OneStopBotFactory();
        var user = new ConnectorUser(factory.CreateClient(), "reuse-1");

        Assert.NotEmpty(await user.SayAsync("xin chào"));
        Assert.NotEmpty(await user.SayAsync("lam giay khai sinh cho con"));

        Assert.Equal(0, Authentication(factory).ConnectorClientsBuilt);
    }

    [Fact]
    public async Task Replies_of_normal_turns_go_through_one_shared_client()
    {
        using var factory = new OneStopBotFactory();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "xin chào", "m1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "lam giay khai sinh cho con", "m2")).StatusCode);

        var replies = channel.LogEntries.Where(e => e.RequestMessage.Path.StartsWith("/v3/conversations/reuse-2/activities/", StringComparison.Ordinal)).ToList();
        Assert.Contains(replies, e => e.RequestMessage.Path.EndsWith("/m1", StringComparison.Ordinal));
        Assert.Contains(replies, e => e.RequestMessage.Path.EndsWith("/m2", StringComparison.Ordinal));
        Assert.Contains(replies, e => e.RequestMessage.Body!.Contains("khai sinh", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, Authentication(factory).ConnectorClientsBuilt);
    }

    [Fact]
    public async Task Proactive_messages_reach_the_channel_through_the_shared_client()
    {
        using var factory = new OneStopBotFactory();
        _ = factory.CreateClient();
        var reference = new ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = channel.Url + "/",
            Conversation = new ConversationAccount(id: "reuse-3"),
            User = new ChannelAccount("user-3"),
            Bot = new ChannelAccount("bot"),
        };
        var messenger = factory.Services.GetRequiredService<ProactiveMessenger>();

        await messenger.SendAsync(reference, MessageFactory.Text("Hồ sơ của anh/chị đã có kết quả."), CancellationToken.None);
        await messenger.SendAsync(reference, MessageFactory.Text("Mời anh/chị đánh giá."), CancellationToken.None);

        var sent = channel.LogEntries.Where(e => e.RequestMessage.Path.StartsWith("/v3/conversations/reuse-3/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains("đã có kết quả", sent[0].RequestMessage.Body);
        Assert.Equal(1, Authentication(factory).ConnectorClientsBuilt);
    }

    [Fact]
    public async Task Each_bot_identity_and_service_gets_its_own_client_from_the_configured_factory()
    {
        var inner = new RecordingAuthentication();
        using var authentication = new ReusedClientsAuthentication(inner);
        var bot1 = Identity("app-1");
        var bot2 = Identity("app-2");

        foreach (var (identity, url) in new[] { (bot1, "https://a.test/"), (bot1, "https://a.test/"), (bot2, "https://a.test/"), (bot1, "https://b.test/") })
        {
            using var turnClient = await authentication.CreateConnectorFactory(identity).CreateAsync(url, "audience", CancellationToken.None);
            await turnClient.Conversations.SendToConversationAsync("c", MessageFactory.Text("x"), CancellationToken.None);
        }

        Assert.Equal(["app-1 https://a.test/", "app-2 https://a.test/", "app-1 https://b.test/"], inner.Built);
        Assert.Equal(4, inner.Sent);
    }

    public void Dispose() => channel.Dispose();

    private static ReusedClientsAuthentication Authentication(OneStopBotFactory factory) =>
        (ReusedClientsAuthentication)factory.Services.GetRequiredService<BotFrameworkAuthentication>();

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string text, string id)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = id,
            Text = text,
            ChannelId = "emulator",
            ServiceUrl = channel.Url + "/",
            Conversation = new ConversationAccount(id: "reuse-2"),
            From = new ChannelAccount("user-2"),
            Recipient = new ChannelAccount("bot"),
            Locale = "vi-VN",
        };
        return client.PostAsync("/api/messages", new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"));
    }

    private static ClaimsIdentity Identity(string appId) =>
        new([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);

    /// <summary>A configured authentication whose connector clients only count what they are asked to send.</summary>
    private sealed class RecordingAuthentication : BotFrameworkAuthentication
    {
        public List<string> Built { get; } = [];

        public int Sent;

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
            new Factory(this, claimsIdentity.FindFirst(AuthenticationConstants.AppIdClaim)!.Value);

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private sealed class Factory(RecordingAuthentication owner, string appId) : ConnectorFactory
        {
            public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            {
                owner.Built.Add($"{appId} {serviceUrl}");
                var client = new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty, new HttpClient(new CountingHandler(owner)), disposeHttpClient: true);
                return Task.FromResult<IConnectorClient>(client);
            }
        }

        private sealed class CountingHandler(RecordingAuthentication owner) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.Sent);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"1\"}", Encoding.UTF8, "application/json") });
            }
        }
    }
}
