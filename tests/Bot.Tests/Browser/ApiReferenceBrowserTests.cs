using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>The staff API reference in Chromium: the key asked on a page, then the reference, with no request off the host.</summary>
public sealed class ApiReferenceBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(new Dictionary<string, string?>
{
    ["Staff:ApiKey"] = Key,
})
{
    private const string Key = "reference-page-key";

    [SkippableFact]
    public async Task The_page_asks_for_the_key_then_shows_the_reference_without_leaving_the_host()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        var answer = await page.GotoAsync(Host!.BaseUrl + "/scalar/v1");
        Assert.Equal(401, answer!.Status);
        var key = page.GetByLabel("Khóa API cán bộ");
        await key.FillAsync("wrong");
        await key.PressAsync("Enter");
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Khóa API không đúng" }).WaitForAsync();
        await key.FillAsync(Key);
        await key.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "OneStopBot staff API" }).WaitForAsync();
        // The key is filled in for "Test Request": the only field left on the page is the reference's key.
        Assert.Equal(Key, await page.Locator("input").First.InputValueAsync());

        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "api-reference")}");
        var host = new Uri(Host.BaseUrl).Authority;
        Assert.All(requested.Where(url => url.StartsWith("http", StringComparison.Ordinal)), url => Assert.Equal(host, new Uri(url).Authority));
    }
}
