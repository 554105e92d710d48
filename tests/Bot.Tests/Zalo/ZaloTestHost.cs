using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Zalo;

[CollectionDefinition(SharedZaloHost.Name)]
public sealed class SharedZaloHostCollection : ICollectionFixture<SharedZaloHost>;

/// <summary>One host shared by the tests that need no settings of their own; each test talks as its own user.</summary>
public sealed class SharedZaloHost : IAsyncLifetime
{
    public const string Name = "Shared Zalo host";

    public ZaloTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

/// <summary>The host with the Zalo channel pointed at a fake Zalo API, and a bot whose answers the tests know.</summary>
public sealed class ZaloTestHost : IAsyncDisposable
{
    public const string AppId = "4213641083251702331";
    public const string OaId = "579745863508352884";
    public const string OaSecretKey = "oa-secret-Xq7fT2";
    public const string AppSecret = "app-secret-9LmK";
    public const string AccessToken = "access-from-settings";
    public const string RefreshToken = "refresh-from-settings";

    private readonly Factory factory;

    /// <param name="realBot">Whether to keep the application's own bot instead of the probe bot.</param>
    /// <param name="services">Services of the test's own, registered over the application's.</param>
    public ZaloTestHost(Action<Dictionary<string, string?>>? settings = null, bool realBot = false, Action<IServiceCollection>? services = null)
    {
        factory = new Factory(realBot ? null : Probe, services);
        factory.Settings["Zalo:AppId"] = AppId;
        factory.Settings["Zalo:OaSecretKey"] = OaSecretKey;
        factory.Settings["Zalo:AppSecret"] = AppSecret;
        factory.Settings["Zalo:AccessToken"] = AccessToken;
        factory.Settings["Zalo:RefreshToken"] = RefreshToken;
        factory.Settings["Zalo:ApiBaseUrl"] = Api.Url;
        factory.Settings["Zalo:OAuthBaseUrl"] = Api.Url;
        settings?.Invoke(factory.Settings);
        Client = factory.CreateClient();
    }

    public FakeZaloApi Api { get; } = new();

    public BotProbe Probe { get; } = new();

    public HttpClient Client { get; }

    public IServiceProvider Services => factory.Services;

    private int users;

    /// <summary>A user of its own for each test, so that tests can share one host.</summary>
    public string NewUser() => $"25125236254{Interlocked.Increment(ref users):D5}";

    /// <summary>Posts <paramref name="json"/> as Zalo would, signed unless <paramref name="signature"/> is given.</summary>
    public async Task<HttpResponseMessage> PostAsync(string json, string? signature = null, string? timestamp = null)
    {
        using var request = Request(json, signature, timestamp);
        return await Client.SendAsync(request);
    }

    /// <summary>The webhook request Zalo would send with <paramref name="json"/>, signed unless <paramref name="signature"/> is given.</summary>
    public static HttpRequestMessage Request(string json, string? signature = null, string? timestamp = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        signature ??= ZaloSignature.Compute(AppId, body, timestamp ?? ZaloEvents.TimestampOf(json), OaSecretKey);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, ZaloWebhook.Route.TrimStart('/')) { Content = content };
        if (signature.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(ZaloSignature.Header, signature);
        }
        return request;
    }

    public async Task PostAcceptedAsync(string json)
    {
        using var response = await PostAsync(json);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Delivers a question with <paramref name="msgId"/> twice, then another message: the question is answered once.</summary>
    public async Task AssertDeliveredTwiceAnsweredOnceAsync(string user, string msgId)
    {
        var question = ZaloEvents.Text(user, msgId, "lệ phí bao nhiêu");

        await PostAcceptedAsync(question);
        await PostAcceptedAsync(question);
        await PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-next", "cảm ơn"));

        // A user's events run in order: once the later one is answered, a second answer to the first would be in.
        var sent = await Api.WaitForAsync(user, s => s.Any(m => m.Text == "Đã nhận: cảm ơn"));
        Assert.Equal(["Đã nhận: lệ phí bao nhiêu", "Đã nhận: cảm ơn"], sent.Select(m => m.Text));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        Api.Dispose();
    }

    private sealed class Factory(BotProbe? probe, Action<IServiceCollection>? testServices) : OneStopBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                testServices?.Invoke(services);
                if (probe is not null)
                {
                    services.AddSingleton(probe);
                    services.AddTransient<IBot, ProbeBot>();
                }
            });
        }
    }
}

/// <summary>What the test bot saw, and gates that hold a turn until a test opens them.</summary>
public sealed class BotProbe
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    public IReadOnlyList<Activity> ReceivedFrom(string userId) => [.. Received.Where(a => a.From.Id == userId)];

    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    public TaskCompletionSource Gate(string name) =>
        Gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>
/// Answers "Đã nhận: &lt;text&gt;"; "menu" offers two choices; "dài" answers a long text; "chờ &lt;name&gt;" waits for
/// the probe's gate of that name first; new followers are welcomed.
/// </summary>
public sealed class ProbeBot(BotProbe probe) : ActivityHandler
{
    public const string Welcome = "Chào mừng anh/chị.";

    public static readonly string LongAnswer = string.Concat(Enumerable.Range(1, 120).Select(i => $"Đây là câu thứ {i} của hướng dẫn dài. "));

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        probe.Received.Enqueue(turnContext.Activity);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (text.StartsWith("chờ ", StringComparison.Ordinal))
        {
            await probe.Gate(text[4..]).Task.WaitAsync(FakeZaloApi.Patience, cancellationToken);
        }
        IActivity reply = text switch
        {
            "menu" => MessageFactory.SuggestedActions(
                actions: new List<string> { "Hỏi thủ tục", "Xem hồ sơ" }, text: "Anh/chị muốn làm gì?", ssml: null, inputHint: null),
            "dài" => MessageFactory.Text(LongAnswer),
            _ => MessageFactory.Text($"Đã nhận: {text}"),
        };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        membersAdded.Any(m => m.Id != turnContext.Activity.Recipient.Id)
            ? turnContext.SendActivityAsync(Welcome, cancellationToken: cancellationToken)
            : Task.CompletedTask;
}
