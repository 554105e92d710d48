using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The page on a slow 3G phone (Chromium's own throttling: 1.6 Mbps down, 150 ms latency), timed from the address typed
/// to the bot's first message on screen. Cold: a phone that never came, which downloads the Brotli copies only. Warm: the
/// same phone coming back (a new tab: its own chat, the browser's caches and service worker shared), which takes the
/// files and their compiled code from the service worker. The machine's processor is shared, so each is timed three
/// times and the median must meet the target; every visit's times and bytes are written to the test output. It runs
/// alone, after the tests that run in parallel, so that its own run's other browsers do not take the processor.
/// </summary>
[Collection(nameof(TimedBrowserTests))]
public sealed class SlowPhoneBrowserTests(ITestOutputHelper output) : BrowserAndHostTests
{
    private const double DownloadBitsPerSecond = 1.6e6;
    private const int LatencyMilliseconds = 150;
    private const int Visits = 3;

    private static readonly TimeSpan ColdTarget = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan WarmTarget = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task The_first_bot_message_shows_within_8_s_on_a_first_visit_and_2_s_on_a_later_one()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var cold = new List<Visit>();
        IPage? phone = null;
        for (var i = 0; i < Visits; i++)
        {
            var page = await Chromium.NewPhonePageAsync();
            cold.Add(await FirstBotMessageAsync(page, $"cold {i + 1}"));
            phone ??= page;
        }
        // The phone comes back later: by then the page's service worker has kept its files.
        await phone!.EvaluateAsync("navigator.serviceWorker.ready.then(() => true)");
        var warm = new List<Visit>();
        for (var i = 0; i < Visits; i++)
        {
            warm.Add(await FirstBotMessageAsync(await phone.Context.NewPageAsync(), $"warm {i + 1}"));
        }

        var coldMedian = Median(cold);
        var warmMedian = Median(warm);
        output.WriteLine($"Median: cold {coldMedian.TotalSeconds:0.00} s, warm {warmMedian.TotalSeconds:0.00} s");
        Assert.True(coldMedian < ColdTarget, $"First visit: the first bot message took {coldMedian.TotalSeconds:0.00} s (median).");
        Assert.True(warmMedian < WarmTarget, $"Later visit: the first bot message took {warmMedian.TotalSeconds:0.00} s (median).");
        Assert.All(cold, visit => Assert.InRange(visit.Bytes, 100_000, 450_000));
        Assert.All(warm, visit => Assert.True(visit.Bytes < 20_000, $"A later visit fetched {visit.Bytes} bytes: the files should come from the phone."));
    }

    private static TimeSpan Median(List<Visit> visits) => visits.Select(v => v.Elapsed).Order().ElementAt(visits.Count / 2);

    private async Task<Visit> FirstBotMessageAsync(IPage page, string name)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = LatencyMilliseconds,
            ["downloadThroughput"] = DownloadBitsPerSecond / 8,
            ["uploadThroughput"] = 750e3 / 8,
        });
        long bytes = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e?.TryGetProperty("encodedDataLength", out var length) == true)
            {
                Interlocked.Add(ref bytes, (long)length.GetDouble());
            }
        };

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(Host!.BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(Chromium.BotBubble).First.WaitForAsync(new() { Timeout = 30_000 });
        var visit = new Visit(clock.Elapsed, Interlocked.Read(ref bytes));
        // Where the time went, from the page's own timeline (milliseconds since the address was typed).
        var marks = await page.EvaluateAsync<Dictionary<string, double>>(
            "Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))");
        output.WriteLine($"{name}: first bot message after {visit.Elapsed.TotalSeconds:0.00} s, {visit.Bytes:N0} bytes; {JsonSerializer.Serialize(marks)}");
        return visit;
    }

    private sealed record Visit(TimeSpan Elapsed, long Bytes);
}

/// <summary>Tests timed in a real browser: run one at a time, with nothing else of the test run beside them.</summary>
[CollectionDefinition(nameof(TimedBrowserTests), DisableParallelization = true)]
public sealed class TimedBrowserTests;
