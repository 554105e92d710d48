using System.Text.Json;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace OneStopBot.Bot.Tests.Zalo;

/// <summary>A text message as the fake Zalo API received it.</summary>
public sealed record SentMessage(string? AccessToken, string UserId, string Text, string RawBody);

/// <summary>Zalo's OA and OAuth APIs on a loopback port, answering success unless a test says otherwise.</summary>
public sealed class FakeZaloApi : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public FakeZaloApi()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath("/v3.0/oa/message/cs").UsingPost())
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                data = new { message_id = "f2bca1c3d6e2", user_id = "0" },
                error = 0,
                message = "Success",
            }));
    }

    public WireMockServer Server { get; }

    /// <summary>Each send succeeds after <paramref name="delay"/>, as over a real network, so that a kill finds sends in flight.</summary>
    public void AnswerAfter(TimeSpan delay) =>
        Server.Given(Request.Create().WithPath("/v3.0/oa/message/cs").UsingPost()).AtPriority(50)
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(delay).WithBodyAsJson(new
            {
                data = new { message_id = "m", user_id = "0" },
                error = 0,
                message = "Success",
            }));

    public string Url => Server.Url!;

    /// <summary>
    /// Answers the OA API with Zalo <paramref name="error"/> for messages to <paramref name="userId"/> (null: anyone)
    /// carrying <paramref name="accessToken"/> (null: any).
    /// </summary>
    public void FailSends(int error, string? userId = null, string? accessToken = null)
    {
        var request = SendsTo(userId);
        if (accessToken is not null)
        {
            request = request.WithHeader("access_token", accessToken);
        }
        Server.Given(request).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error, message = $"error {error}" }));
    }

    /// <summary>The first message to <paramref name="userId"/> gets <paramref name="response"/>; later ones succeed.</summary>
    public void FailFirstSend(string userId, IResponseBuilder response) =>
        Server.Given(SendsTo(userId)).InScenario($"first-{userId}").WillSetStateTo("answered").AtPriority(1).RespondWith(response);

    private static IRequestBuilder SendsTo(string? userId)
    {
        var request = Request.Create().WithPath("/v3.0/oa/message/cs").UsingPost();
        return userId is null ? request : request.WithBody(new WildcardMatcher($"*\"user_id\":\"{userId}\"*"));
    }

    /// <summary>The customer-service messages received so far, in arrival order.</summary>
    public IReadOnlyList<SentMessage> Sent => Messages(Server.LogEntries);

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Path == path)];

    /// <summary>Polls the log until <paramref name="done"/> holds for the messages received, or fails after a bound.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForAsync(Func<IReadOnlyList<SentMessage>, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var sent = Sent;
            if (done(sent))
            {
                return sent;
            }
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"The fake Zalo API did not receive what was expected in {Patience}; it got: "
                    + string.Join(" | ", sent.Select(m => $"{m.UserId}: {m.Text}")));
            }
            await Task.Delay(20);
        }
    }

    public Task<IReadOnlyList<SentMessage>> WaitForCountAsync(int count) => WaitForAsync(sent => sent.Count >= count);

    /// <summary>The messages sent to one user, once <paramref name="done"/> holds for them.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForAsync(string userId, Func<IReadOnlyList<SentMessage>, bool> done) =>
        SentTo(userId, await WaitForAsync(sent => done(SentTo(userId, sent))));

    public Task<IReadOnlyList<SentMessage>> WaitForCountAsync(string userId, int count) => WaitForAsync(userId, sent => sent.Count >= count);

    public IReadOnlyList<SentMessage> SentTo(string userId) => SentTo(userId, Sent);

    private static List<SentMessage> SentTo(string userId, IReadOnlyList<SentMessage> sent) => [.. sent.Where(m => m.UserId == userId)];

    public void Dispose() => Server.Stop();

    private static List<SentMessage> Messages(IEnumerable<ILogEntry> entries) =>
        [.. entries
            .Where(e => e.RequestMessage.Path == "/v3.0/oa/message/cs")
            .Select(e =>
            {
                var body = e.RequestMessage.Body ?? string.Empty;
                using var json = JsonDocument.Parse(body);
                var token = e.RequestMessage.Headers?.TryGetValue("access_token", out var values) == true ? values.FirstOrDefault() : null;
                return new SentMessage(
                    token,
                    json.RootElement.GetProperty("recipient").GetProperty("user_id").GetString()!,
                    json.RootElement.GetProperty("message").GetProperty("text").GetString()!,
                    body);
            })];
}
