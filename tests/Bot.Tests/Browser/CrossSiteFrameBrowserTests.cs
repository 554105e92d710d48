using System.Net;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// README's iframe on a portal of another site (127.0.0.2 frames the host on 127.0.0.1). Chromium blocks third-party
/// cookies there, and with them the frame's storage: reading <c>sessionStorage</c> in it throws a SecurityError (each
/// test checks that it does). The chat still starts, answers and reconnects.
/// </summary>
public sealed class CrossSiteFrameBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string FixedSecret = "a-fixed-secret-of-at-least-32-bytes-for-tests";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
    private readonly List<KestrelWebChatFactory> hosts = [];
    private Chromium? chromium;
    private Portal? portal;

    public async Task InitializeAsync()
    {
        chromium = await Chromium.LaunchAsync();
        portal = await Portal.StartAsync(directLineSecret: "", IPAddress.Parse("127.0.0.2"));
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A host over this test's database; given the port of an earlier one, it is that host restarted.</summary>
    private KestrelWebChatFactory Host(int port = 0)
    {
        var host = new KestrelWebChatFactory(
            new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "onestop.db"), ["DirectLine:TokenSecret"] = FixedSecret },
            port);
        hosts.Add(host);
        portal!.ChatHost = host.BaseUrl;
        return host;
    }

    /// <summary>The portal's page framing the chat, and the conversation the frame starts.</summary>
    private async Task<(IPage Page, IFrameLocator Chat, Task<string> ConversationId)> PortalPageAsync()
    {
        var page = await chromium!.NewPhonePageAsync();
        var started = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/v3/directline/conversations", StringComparison.Ordinal));
        await page.GotoAsync(portal!.BaseUrl + Portal.FramePath);
        return (page, page.FrameLocator("iframe"), ConversationIdAsync(started));
    }

    private static async Task<string> ConversationIdAsync(Task<IResponse> started) =>
        (await (await started).JsonAsync())!.Value.GetProperty("conversationId").GetString()!;

    /// <summary>What reading the tab's storage gives in the framed chat: the error's name, or "readable".</summary>
    private static Task<string> StorageErrorAsync(IPage page, KestrelWebChatFactory host) =>
        page.Frames.Single(f => f.Url.StartsWith(host.BaseUrl, StringComparison.Ordinal))
            .EvaluateAsync<string>("() => { try { window.sessionStorage.getItem('x'); window.localStorage.getItem('x'); return 'readable'; } catch (e) { return e.name; } }");

    private static async Task AskAsync(IFrameLocator chat, string text)
    {
        var sendBox = chat.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    [SkippableFact]
    public async Task The_framed_chat_greets_and_answers_without_storage()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var host = Host();
        var (page, chat, _) = await PortalPageAsync();

        await chat.Locator(Chromium.BotBubble).First.WaitForAsync();
        await AskAsync(chat, "lam giay khai sinh");

        await chat.Locator(Chromium.BotBubble).Filter(new() { HasText = "khai sinh" }).First.WaitForAsync();
        await Assertions.Expect(chat.Locator("#offline")).ToBeHiddenAsync();
        Assert.NotEqual(new Uri(portal!.BaseUrl).Host, new Uri(host.BaseUrl).Host);
        Assert.Equal("SecurityError", await StorageErrorAsync(page, host));
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-cross-site-frame")}");
    }

    /// <summary>The stream dropped (the host restarted) and a notice was sent meanwhile: the frame reopens it from the watermark it kept in memory.</summary>
    [SkippableFact]
    public async Task The_framed_chat_without_storage_reconnects_after_the_host_restarts()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var first = Host();
        var (page, chat, started) = await PortalPageAsync();
        await chat.Locator(Chromium.BotBubble).First.WaitForAsync();
        await AskAsync(chat, "lam giay khai sinh");
        await chat.Locator(Chromium.BotBubble).Filter(new() { HasText = "khai sinh" }).First.WaitForAsync();
        var conversationId = await started;
        Assert.Equal("SecurityError", await StorageErrorAsync(page, first));

        await first.DisposeAsync();
        var second = Host(port: first.Port);
        const string notice = "Hồ sơ của anh/chị đã có kết quả.";
        await second.NotifyAsync(conversationId, notice);
        var frame = page.Frames.Single(f => f.Url.StartsWith(second.BaseUrl, StringComparison.Ordinal));
        await frame.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");

        await chat.Locator(Chromium.BotBubble).Filter(new() { HasText = notice }).WaitForAsync();
        await AskAsync(chat, "ket hon can giay gi");
        await chat.Locator(Chromium.BotBubble).Filter(new() { HasText = "kết hôn" }).First.WaitForAsync();
        await Assertions.Expect(chat.Locator(Chromium.BotBubble).Filter(new() { HasText = notice })).ToHaveCountAsync(1);
        await Assertions.Expect(chat.Locator(Chromium.UserBubble).Filter(new() { HasText = "lam giay khai sinh" })).ToHaveCountAsync(1);
        await Assertions.Expect(chat.Locator("#offline")).ToBeHiddenAsync();
    }
}
