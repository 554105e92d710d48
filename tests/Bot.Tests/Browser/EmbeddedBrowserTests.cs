using Microsoft.Playwright;
using OneStopBot.Bot.Tests.DirectLine;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The chat on the commune's portal, another origin: the official Web Chat bundle with a token from the portal's
/// backend (WebChat:AllowedOrigins lists the portal), and README's iframe in a tall page that must not scroll down.
/// </summary>
public sealed class EmbeddedBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(new Dictionary<string, string?>
{
    ["DirectLine:Secret"] = DirectLineFactory.BackendSecret,
})
{
    private Portal? portal;

    public override async Task InitializeAsync()
    {
        portal = await Portal.StartAsync(DirectLineFactory.BackendSecret);
        HostSettings["WebChat:AllowedOrigins:0"] = portal.BaseUrl;
        await base.InitializeAsync();
        portal.ChatHost = Host?.BaseUrl;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task The_official_web_chat_on_the_portal_chats_with_a_token_from_the_portal_backend()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();
        var refused = new List<string>();
        page.RequestFailed += (_, request) => refused.Add(request.Url);

        await page.GotoAsync(portal!.BaseUrl + Portal.EmbedPath);
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();
        var sendBox = page.Locator("#chat").GetByRole(AriaRole.Textbox);
        await sendBox.FillAsync("lam giay khai sinh");
        await sendBox.PressAsync("Enter");
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "khai sinh" }).First.WaitForAsync();

        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-on-the-portal")}");
        Assert.NotEqual(new Uri(portal.BaseUrl).Port, Host!.Port);
        Assert.Empty(refused);
    }

    [SkippableFact]
    public async Task The_framed_chat_leaves_the_portal_page_at_the_top()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();

        await page.GotoAsync(portal!.BaseUrl + Portal.FramePath);
        var chat = page.FrameLocator("iframe");
        await chat.Locator(Chromium.BotBubble).First.WaitForAsync();
        await Assertions.Expect(chat.Locator("#loading")).ToBeHiddenAsync();

        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-in-an-iframe")}");
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
    }
}
