using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A resident's first visit, in headless Chromium against the host on Kestrel: the page loads, the bot greets,
/// a question about khai sinh gets its answer, and a QR link for kết hôn opens on that procedure.
/// </summary>
public sealed class WebChatBrowserTests(ITestOutputHelper output) : BrowserAndHostTests
{
    [SkippableFact]
    public async Task A_resident_asks_about_khai_sinh_from_the_welcome()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();

        await page.GotoAsync(Host!.BaseUrl + "/");
        // The visible buttons; Web Chat keeps a copy of them in a screen-reader region too.
        var askButton = page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = "Hỏi thủ tục", Exact = true });
        await askButton.WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("xã Phước Đức");
        await askButton.ClickAsync();

        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await sendBox.FillAsync("lam giay khai sinh");
        await sendBox.PressAsync("Enter");

        var answer = page.Locator(Chromium.BotBubble).Filter(new() { HasText = "khai sinh" });
        await answer.First.WaitForAsync();
        var screenshot = await Chromium.ScreenshotAsync(page, "webchat-phone");
        output.WriteLine($"Screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [SkippableFact]
    public async Task A_qr_link_opens_the_chat_on_ket_hon()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();

        await page.GotoAsync(Host!.BaseUrl + "/?hoi=ket-hon");

        await page.Locator(Chromium.UserBubble).Filter(new() { HasText = "Đăng ký kết hôn" }).WaitForAsync();
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "kết hôn" }).First.WaitForAsync();
        Assert.Equal(Host.BaseUrl + "/", page.Url);
    }

    [SkippableFact]
    public async Task The_page_speaks_to_anh_chi_and_loads_without_missing_files()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();
        var notFound = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
            {
                notFound.Add(response.Url);
            }
        };

        await page.GotoAsync(Host!.BaseUrl + "/");
        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();

        await Assertions.Expect(sendBox).ToHaveAttributeAsync("placeholder", "Anh/chị gõ câu hỏi ở đây");
        await Assertions.Expect(sendBox).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#loading")).ToBeHiddenAsync();
        Assert.Empty(notFound);
    }
}
