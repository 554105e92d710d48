using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The page on a phone: what a first visit downloads (the Brotli copies only) and what a later one does (a new tab: its
/// own chat, the browser's caches and service worker shared), which takes the files from the service worker. Bytes, not
/// seconds: how long the first message takes on a slow line belongs to the benchmarks; every visit's bytes and the
/// page's own timeline are written to the test output.
/// </summary>
public sealed class SlowPhoneBrowserTests(ITestOutputHelper output) : BrowserAndHostTests
{
    [SkippableFact]
    public async Task A_first_visit_downloads_the_compressed_files_and_a_later_one_takes_them_from_the_phone()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var phone = await Chromium.NewPhonePageAsync();
        var cold = await FirstBotMessageAsync(phone, "cold");
        // The phone comes back later: by then the page's service worker has kept its files.
        await phone.EvaluateAsync("navigator.serviceWorker.ready.then(() => true)");
        var warm = await FirstBotMessageAsync(await phone.Context.NewPageAsync(), "warm");

        Assert.InRange(cold, 100_000, 450_000);
        Assert.True(warm < 20_000, $"A later visit fetched {warm} bytes: the files should come from the phone.");
    }

    /// <summary>The bytes a visit downloads until the bot's first message is on screen.</summary>
    private async Task<long> FirstBotMessageAsync(IPage page, string name)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        long bytes = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e?.TryGetProperty("encodedDataLength", out var length) == true)
            {
                Interlocked.Add(ref bytes, (long)length.GetDouble());
            }
        };

        await page.GotoAsync(Host!.BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(Chromium.BotBubble).First.WaitForAsync(new() { Timeout = 30_000 });
        var downloaded = Interlocked.Read(ref bytes);
        // Where the time went, from the page's own timeline (milliseconds since the address was typed).
        var marks = await page.EvaluateAsync<Dictionary<string, double>>(
            "Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))");
        output.WriteLine($"{name}: {downloaded:N0} bytes; {JsonSerializer.Serialize(marks)}");
        return downloaded;
    }
}
