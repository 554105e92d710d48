using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A province serving two communes, in headless Chromium on a 360 px phone: the root lists the communes, a tap opens
/// one's chat at its own address, which greets and answers with that commune's facts.
/// </summary>
public sealed class CommuneBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(new Dictionary<string, string?>
{
    ["Communes:0:Id"] = "phuoc-duc",
    ["Communes:1:Id"] = "suoi-may",
    ["Communes:1:CommuneName"] = "xã Suối Mây",
    ["Communes:1:OfficeName"] = "Bộ phận một cửa UBND xã Suối Mây",
    ["Communes:1:Phone"] = "0236 3999 888",
    ["Communes:1:AgencyCode"] = "000.40.20.H49",
})
{
    [SkippableFact]
    public async Task A_resident_picks_their_commune_from_the_list_and_chats_with_its_office()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);

        await page.GotoAsync(Host!.BaseUrl + "/");
        // Readable at 360 px: nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
        await page.GetByRole(AriaRole.Link, new() { Name = "xã Suối Mây" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(Host.BaseUrl + "/xa/suoi-may/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("xã Suối Mây");
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Bộ phận một cửa UBND xã Suối Mây" }).First.WaitForAsync();
        await Chromium.AskAsync(page, "số điện thoại của xã");
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "0236 3999 888" }).First.WaitForAsync();
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-commune")}");
    }
}
