using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Conversation;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Bot.Tests.Zalo;

namespace OneStopBot.Bot.Tests.Integrity;

/// <summary>The application's bot, recording every message text it is given: all that recognisers, search and dialogs read.</summary>
public sealed class ReadingProbe
{
    public ConcurrentQueue<string> Texts { get; } = new();

    public void Register(IServiceCollection services)
    {
        services.AddTransient<RootBot>();
        services.AddTransient<IBot>(provider => new ReadingBot(provider.GetRequiredService<RootBot>(), Texts));
    }

    /// <summary>The bot read this message as cut to the limit, and nothing longer than the limit ever.</summary>
    public void AssertReadOnlyTheCut(string sent)
    {
        Assert.Contains(IncomingTextLimit.Cut(sent, Limit), Texts);
        Assert.All(Texts, text => Assert.InRange(text.Length, 0, Limit));
    }

    private const int Limit = 2_000;

    private sealed class ReadingBot(IBot bot, ConcurrentQueue<string> texts) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type == ActivityTypes.Message && turnContext.Activity.Text is { } text)
            {
                texts.Enqueue(text);
            }
            return bot.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}

/// <summary>One host for every adversarial message over HTTP, its bot recording what it read.</summary>
public sealed class AdversarialHost : IDisposable
{
    public AdversarialHost() => Factory = new StaffApiFactory { ExtraServices = Probe.Register };

    public ReadingProbe Probe { get; } = new();

    public StaffApiFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// Huge hostile messages on every channel's HTTP endpoint cost no more than a long question: the text is cut before
/// any recogniser reads it (the bot is given at most the limit's characters), and the resident is told. The work is
/// bounded by what the bot reads, not timed: how long a turn takes belongs to the benchmarks.
/// </summary>
public sealed class AdversarialTextTests(AdversarialHost host) : IClassFixture<AdversarialHost>
{
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
    public async Task Connector_cuts_a_huge_message_before_the_bot_reads_it(string payload)
    {
        using var client = host.Factory.CreateClient();
        var user = new ConnectorUser(client, "adversary-" + Guid.NewGuid().ToString("N"), "adversary");
        // The endpoint takes bodies up to 256 KB: the largest text it lets through reaches the bot.
        var text = Fit(payload, 60_000);
        await user.SayAsync("xin chào");

        var replies = await user.SayAsync(text);

        Assert.StartsWith("Tin nhắn của anh/chị dài quá. Em xin phép chỉ đọc 2.000 ký tự đầu", replies[0].Text, StringComparison.Ordinal);
        Assert.True(replies.Count > 1, "The cut message is still answered.");
        host.Probe.AssertReadOnlyTheCut(text);
    }

    [Fact]
    public async Task A_megabyte_body_is_refused_before_anything_reads_it()
    {
        using var client = host.Factory.CreateClient();
        var before = host.Probe.Texts.Count;
        var body = new JObject
        {
            ["type"] = "message", ["channelId"] = "emulator", ["serviceUrl"] = "http://localhost:1/",
            ["conversation"] = new JObject { ["id"] = "c" }, ["from"] = new JObject { ["id"] = "u" },
            ["text"] = Repeat("1", 1_000_000),
        }.ToString();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, host.Probe.Texts.Count);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Direct_line_cuts_a_huge_message_before_the_bot_reads_it(string payload)
    {
        using var client = host.Factory.CreateClient();
        var directLine = new DirectLineClient(client);
        var conversation = await directLine.StartAsync();
        // Direct Line takes bodies up to 64 KB.
        var text = Fit(payload, 15_000);

        await directLine.SayAsync(conversation, text);

        var (activities, _) = await directLine.PollAsync(conversation);
        Assert.Contains(activities, a => a.Value<string>("text")?.StartsWith("Tin nhắn của anh/chị dài quá.", StringComparison.Ordinal) == true);
        host.Probe.AssertReadOnlyTheCut(text);
    }

    [Fact]
    public async Task Zalo_cuts_a_huge_message_before_the_bot_reads_it()
    {
        var probe = new ReadingProbe();
        await using var zalo = new ZaloTestHost(realBot: true, services: probe.Register);
        foreach (var payload in Payloads())
        {
            var user = zalo.NewUser();
            // Zalo takes bodies up to 64 KB, and its events escape every non-ASCII character in six bytes.
            var text = Fit(payload, 8_000);

            await zalo.PostAcceptedAsync(ZaloEvents.Text(user, Guid.NewGuid().ToString("N"), text));
            var sent = await zalo.Api.WaitForAsync(all => all.Count(m => m.UserId == user) >= 2);

            Assert.StartsWith("Tin nhắn của anh/chị dài quá.", sent.First(m => m.UserId == user).Text, StringComparison.Ordinal);
            probe.AssertReadOnlyTheCut(text);
        }
    }

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        var text = "a" + Repeat("😀", 10);
        Assert.Equal("a😀", IncomingTextLimit.Cut(text, 4));
        Assert.Equal("a", IncomingTextLimit.Cut(text, 2));
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    /// <summary>The payload's start, as much as a channel's body limit lets through (escaped JSON may double it).</summary>
    private static string Fit(string payload, int length) => IncomingTextLimit.Cut(payload, length);
}
