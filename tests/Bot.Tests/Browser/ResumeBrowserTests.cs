using System.Text.Json;
using Microsoft.Playwright;
using OneStopBot.Bot.WebChat;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// An open chat in a phone's browser that carries on: after a reload (with its transcript), after the host restarts
/// over the same database, and after the phone slept past the token's expiry; and that says so, with a button to start
/// again, when it really cannot; and that says when the host cannot be reached.
/// </summary>
public sealed class ResumeBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string FixedSecret = "a-fixed-secret-of-at-least-32-bytes-for-tests";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
    private readonly List<KestrelWebChatFactory> hosts = [];
    private Chromium? chromium;

    public async Task InitializeAsync() => chromium = await Chromium.LaunchAsync();

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
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A host over this test's database; given the port of an earlier one, it is that host restarted.</summary>
    private KestrelWebChatFactory Host(string tokenSecret = FixedSecret, int port = 0)
    {
        var host = new KestrelWebChatFactory(
            new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "onestop.db"), ["DirectLine:TokenSecret"] = tokenSecret },
            port);
        hosts.Add(host);
        return host;
    }

    [SkippableFact]
    public async Task A_reloaded_page_shows_its_conversation_again_without_a_second_welcome()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var host = Host();
        var (page, welcome) = await ChatOpenAsync(host);
        var before = await SavedChatAsync(page);

        await page.ReloadAsync();

        await page.Locator(Chromium.UserBubble).Filter(new() { HasText = "lam giay khai sinh" }).WaitForAsync();
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "khai sinh" }).First.WaitForAsync();
        await Assertions.Expect(page.Locator(Chromium.BotBubble).Filter(new() { HasText = welcome })).ToHaveCountAsync(1);
        Assert.Equal(before.ConversationId, (await SavedChatAsync(page)).ConversationId);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "resume-after-reload")}");
    }

    [SkippableFact]
    public async Task With_a_fixed_secret_an_open_page_carries_on_after_the_host_restarts()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var first = Host();
        var page = await chromium.NewPhonePageAsync();
        await page.GotoAsync(first.BaseUrl + "/");
        await Chromium.AskAsync(page, "lam giay khai sinh");

        await first.DisposeAsync();
        Host(port: first.Port);
        await Chromium.AskAsync(page, "ket hon can giay gi");

        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "kết hôn" }).First.WaitForAsync();
        await Assertions.Expect(page.Locator(Chromium.UserBubble).Filter(new() { HasText = "lam giay khai sinh" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#offline")).ToBeHiddenAsync();
    }

    /// <summary>
    /// The stream dropped (here by a restart) and the office sent a notice before the phone came back: on waking, the
    /// page reopens the stream from its watermark at once, so the notice shows, once, and nothing said before shows again.
    /// DirectLineJS alone would wait 3 to 15 s and more before trying again.
    /// </summary>
    [SkippableFact]
    public async Task A_phone_back_after_the_stream_dropped_shows_what_was_sent_meanwhile_once()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var first = Host();
        var (page, welcome) = await ChatOpenAsync(first);
        var chat = await SavedChatAsync(page);
        Assert.False(string.IsNullOrEmpty(chat.Watermark));

        await first.DisposeAsync();
        var second = Host(port: first.Port);
        const string notice = "Hồ sơ của anh/chị đã có kết quả.";
        await second.NotifyAsync(chat.ConversationId, notice);
        await page.EvaluateAsync("document.dispatchEvent(new Event('visibilitychange'))");

        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = notice }).WaitForAsync(new() { Timeout = 3_000 });
        await Assertions.Expect(page.Locator(Chromium.BotBubble).Filter(new() { HasText = notice })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(Chromium.BotBubble).Filter(new() { HasText = welcome })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(Chromium.UserBubble).Filter(new() { HasText = "lam giay khai sinh" })).ToHaveCountAsync(1);
        Assert.NotEqual(chat.Watermark, (await SavedChatAsync(page)).Watermark);
        await Chromium.AskAsync(page, "ket hon can giay gi");
        await Assertions.Expect(page.Locator(Chromium.BotBubble).Filter(new() { HasText = notice })).ToHaveCountAsync(1);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "back-after-the-stream-dropped")}");
    }

    [SkippableFact]
    public async Task With_a_random_secret_the_page_says_it_cannot_carry_on_and_starts_again_on_the_button()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var first = Host(tokenSecret: "");
        var page = await chromium.NewPhonePageAsync();
        await page.GotoAsync(first.BaseUrl + "/");
        await Chromium.AskAsync(page, "lam giay khai sinh");

        await first.DisposeAsync();
        Host(tokenSecret: "", port: first.Port);

        var offline = page.Locator("#offline");
        await Assertions.Expect(offline).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(offline).ToContainTextAsync(WebChatPage.OfflineText);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "cannot-reconnect")}");
        await page.GetByRole(AriaRole.Button, new() { Name = WebChatPage.RestartButton }).ClickAsync();

        await page.Locator(Chromium.BotBubble).First.WaitForAsync();
        await Assertions.Expect(page.Locator(Chromium.UserBubble)).ToHaveCountAsync(0);
        await Assertions.Expect(offline).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task A_phone_woken_after_its_token_expired_carries_on_in_the_same_chat()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var host = Host();
        var page = await chromium.NewPhonePageAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        await Chromium.AskAsync(page, "lam giay khai sinh");
        var before = await SavedChatAsync(page);

        host.Time.Advance(TimeSpan.FromMinutes(45));
        // What a phone's browser fires when the screen is unlocked.
        await page.EvaluateAsync("document.dispatchEvent(new Event('visibilitychange'))");
        await page.WaitForFunctionAsync($"JSON.parse(sessionStorage.getItem('onestop.chat')).token !== {JsonSerializer.Serialize(before.Token)}");
        await Chromium.AskAsync(page, "ket hon can giay gi");

        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "kết hôn" }).First.WaitForAsync();
        Assert.Equal(before.ConversationId, (await SavedChatAsync(page)).ConversationId);
        await Assertions.Expect(page.Locator("#offline")).ToBeHiddenAsync();
    }

    /// <summary>While the host cannot be reached the page says so; the notice goes by itself once the chat is back.</summary>
    [SkippableFact]
    public async Task When_the_host_cannot_be_reached_a_small_phone_says_so_until_the_chat_is_back()
    {
        Skip.If(chromium is null, Chromium.NotInstalled);
        var first = Host();
        var page = await chromium.NewPageAsync(360, 740);
        await page.GotoAsync(first.BaseUrl + "/");
        await Chromium.AskAsync(page, "lam giay khai sinh");
        var banner = page.Locator("#reconnecting");
        await Assertions.Expect(banner).ToHaveCountAsync(0);

        await first.DisposeAsync();

        await Assertions.Expect(banner).ToHaveTextAsync("Mất kết nối, đang thử lại…", new() { Timeout = 30_000 });
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "host-unreachable-360")}");
        Host(port: first.Port);
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Chromium.AskAsync(page, "ket hon can giay gi");
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "kết hôn" }).First.WaitForAsync();
        await Assertions.Expect(page.Locator("#offline")).ToBeHiddenAsync();
    }

    /// <summary>A phone with the chat open on the host: the welcome shown (its text returned) and khai sinh asked about.</summary>
    private async Task<(IPage Page, string Welcome)> ChatOpenAsync(KestrelWebChatFactory host)
    {
        var page = await chromium!.NewPhonePageAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        var welcome = await page.Locator(Chromium.BotBubble).First.InnerTextAsync();
        await Chromium.AskAsync(page, "lam giay khai sinh");
        return (page, welcome);
    }

    private static async Task<SavedChat> SavedChatAsync(IPage page) =>
        JsonSerializer.Deserialize<SavedChat>(await page.EvaluateAsync<string>("sessionStorage.getItem('onestop.chat')"), JsonSerializerOptions.Web)!;

    private sealed record SavedChat(string ConversationId, string Token, string Watermark);
}
