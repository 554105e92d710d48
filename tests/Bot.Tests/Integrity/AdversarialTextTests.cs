using System.Diagnostics;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Bot.Tests.Zalo;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Integrity;

/// <summary>
/// Huge hostile messages on every channel's HTTP endpoint cost no more than a long question: the text is cut before
/// any recogniser reads it, the resident is told, and the turn stays under <see cref="Budget"/>.
/// </summary>
public sealed class AdversarialTextTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>One turn of a cut message, measured as the best of a few tries on a machine shared with builds.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(100);

    private readonly StaffApiFactory factory = new();

    /// <summary>Shapes that make backtracking expressions and per-token work explode, each ~1 MB.</summary>
    public static TheoryData<string> Payloads() => new()
    {
        "tra cứu hồ sơ " + Repeat("1", 1_000_000),
        "tra cứu hồ sơ " + Repeat("a.", 500_000),
        "tra cứu hồ sơ " + Repeat("000.32.30.H49-", 70_000),
        "tra cứu hồ sơ " + Repeat("12345 - ", 125_000),
        Repeat("khai sinh ", 100_000),
        Repeat("á", 1_000_000),
        Repeat("\u0301", 1_000_000),
        Repeat("0912 345 6", 100_000),
        Repeat("😀", 500_000),
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Connector_cuts_a_huge_message_and_answers_within_budget(string payload)
    {
        using var client = factory.CreateClient();
        var user = new ConnectorUser(client, "adversary-" + Guid.NewGuid().ToString("N"), "adversary");
        // The endpoint takes bodies up to 256 KB: the largest text it lets through reaches the bot.
        var text = Fit(payload, 60_000);
        await user.SayAsync("xin chào");

        var (replies, elapsed) = await BestOfAsync(() => user.SayAsync(text));

        output.WriteLine($"{Describe(payload)}: {elapsed.TotalMilliseconds:0.0} ms");
        Assert.StartsWith("Tin nhắn của anh/chị dài quá. Em xin phép chỉ đọc 2.000 ký tự đầu", replies[0].Text, StringComparison.Ordinal);
        Assert.True(replies.Count > 1, "The cut message is still answered.");
        Assert.True(elapsed < Budget, $"{elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_megabyte_body_is_refused_before_anything_reads_it()
    {
        using var client = factory.CreateClient();
        var body = new JObject
        {
            ["type"] = "message", ["channelId"] = "emulator", ["serviceUrl"] = "http://localhost:1/",
            ["conversation"] = new JObject { ["id"] = "c" }, ["from"] = new JObject { ["id"] = "u" },
            ["text"] = Repeat("1", 1_000_000),
        }.ToString();

        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        output.WriteLine($"1 MB body refused in {watch.Elapsed.TotalMilliseconds:0.0} ms");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Direct_line_cuts_a_huge_message_and_answers_within_budget(string payload)
    {
        using var client = factory.CreateClient();
        var directLine = new DirectLineClient(client);
        var conversation = await directLine.StartAsync();
        // Direct Line takes bodies up to 64 KB.
        var text = Fit(payload, 15_000);

        var (_, elapsed) = await BestOfAsync(() => directLine.SayAsync(conversation, text));

        var (activities, _) = await directLine.PollAsync(conversation);
        output.WriteLine($"{Describe(payload)}: {elapsed.TotalMilliseconds:0.0} ms");
        Assert.Contains(activities, a => a.Value<string>("text")?.StartsWith("Tin nhắn của anh/chị dài quá.", StringComparison.Ordinal) == true);
        Assert.True(elapsed < Budget, $"{elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Zalo_cuts_a_huge_message_and_answers_within_budget()
    {
        await using var host = new ZaloTestHost(realBot: true);
        var warm = host.NewUser();
        await host.PostAcceptedAsync(ZaloEvents.Text(warm, "warm-up", "xin chào"));
        await host.Api.WaitForAsync(all => all.Any(m => m.UserId == warm));
        foreach (var payload in Payloads())
        {
            var user = host.NewUser();
            // Zalo takes bodies up to 64 KB, and its events escape every non-ASCII character in six bytes.
            var text = Fit(payload, 8_000);
            var (sent, elapsed) = await BestOfAsync(async () =>
            {
                var before = host.Api.Sent.Count(m => m.UserId == user);
                await host.PostAcceptedAsync(ZaloEvents.Text(user, Guid.NewGuid().ToString("N"), text));
                return await host.Api.WaitForAsync(all => all.Count(m => m.UserId == user) >= before + 2);
            });

            output.WriteLine($"{Describe(payload)}: {elapsed.TotalMilliseconds:0.0} ms to the second reply");
            Assert.StartsWith("Tin nhắn của anh/chị dài quá.", sent.First(m => m.UserId == user).Text, StringComparison.Ordinal);
            // Measured from the webhook's request to the fake API's receipt of the second reply, polled every 20 ms.
            Assert.True(elapsed < Budget * 2, $"{elapsed.TotalMilliseconds:0} ms");
        }
    }

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        var text = "a" + Repeat("😀", 10);
        Assert.Equal("a😀", IncomingTextLimit.Cut(text, 4));
        Assert.Equal("a", IncomingTextLimit.Cut(text, 2));
    }

    public void Dispose() => factory.Dispose();

    private static async Task<(T Result, TimeSpan Elapsed)> BestOfAsync<T>(Func<Task<T>> turn)
    {
        var best = TimeSpan.MaxValue;
        T result = default!;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await turn();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }
        return (result, best);
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    /// <summary>The payload's start, as much as a channel's body limit lets through (escaped JSON may double it).</summary>
    private static string Fit(string payload, int length) => IncomingTextLimit.Cut(payload, length);

    private static string Describe(string payload) => $"{payload[..Math.Min(20, payload.Length)]}… ({payload.Length} chars)";
}
