using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The commune's website: the host behind a TLS-terminating reverse proxy on loopback that it is told to believe
/// (Edge:KnownProxies). The resident opens https://…, the Direct Line stream is wss:// and the bot answers through it.
/// </summary>
public sealed class ProxiedBrowserTests(ITestOutputHelper output)
    : BrowserAndHostTests(new Dictionary<string, string?> { ["Edge:KnownProxies:0"] = "127.0.0.1" }, "--ignore-certificate-errors")
{
    private TlsProxy? proxy;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Host is not null)
        {
            proxy = await TlsProxy.StartAsync(Host.BaseUrl);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (proxy is not null)
        {
            await proxy.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_resident_chats_over_https_and_wss_through_the_proxy()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();
        var streamUrls = new List<string>();
        page.Response += async (_, response) =>
        {
            if (response.Request.Method == "POST" && response.Url.EndsWith("/v3/directline/conversations", StringComparison.Ordinal))
            {
                using var body = JsonDocument.Parse(await response.TextAsync());
                lock (streamUrls)
                {
                    streamUrls.Add(body.RootElement.GetProperty("streamUrl").GetString()!);
                }
            }
        };
        var sockets = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            lock (sockets)
            {
                sockets.Add(socket.Url);
            }
        };

        await page.GotoAsync(proxy!.BaseUrl + "/");
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();
        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await sendBox.FillAsync("lam giay khai sinh");
        await sendBox.PressAsync("Enter");
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "khai sinh" }).First.WaitForAsync();

        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-behind-https-proxy")}");
        Assert.StartsWith("https://", proxy.BaseUrl);
        var streamUrl = Assert.Single(streamUrls);
        Assert.StartsWith("wss://" + new Uri(proxy.BaseUrl).Authority + "/", streamUrl);
        Assert.Contains(sockets, url => url.StartsWith("wss://", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(Chromium.UserBubble).Filter(new() { HasText = "lam giay khai sinh" })).ToHaveCountAsync(1);
    }
}
