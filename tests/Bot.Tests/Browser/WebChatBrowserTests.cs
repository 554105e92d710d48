using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A resident's first visit, in headless Chromium against the host on Kestrel: the page loads, the bot greets,
/// a question about khai sinh gets its answer, and a QR link for kết hôn opens on that procedure.
/// </summary>
public sealed class WebChatBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    private KestrelWebChatFactory? host;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        host = new KestrelWebChatFactory();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_resident_asks_about_khai_sinh_from_the_welcome()
    {
        Skip.If(browser is null, $"Chromium is not installed at {ChromiumPath} (Debian package: chromium).");
        var page = await NewPhonePageAsync();

        await page.GotoAsync(host!.BaseUrl + "/");
        // The visible buttons; Web Chat keeps a copy of them in a screen-reader region too.
        var askButton = page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = "Hỏi thủ tục", Exact = true });
        await askButton.WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("xã Phước Đức");
        await askButton.ClickAsync();

        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await sendBox.FillAsync("lam giay khai sinh");
        await sendBox.PressAsync("Enter");

        var answer = page.Locator(BotBubble).Filter(new() { HasText = "khai sinh" });
        await answer.First.WaitForAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "webchat-phone.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"Screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [SkippableFact]
    public async Task A_qr_link_opens_the_chat_on_ket_hon()
    {
        Skip.If(browser is null, $"Chromium is not installed at {ChromiumPath} (Debian package: chromium).");
        var page = await NewPhonePageAsync();

        await page.GotoAsync(host!.BaseUrl + "/?hoi=ket-hon");

        await page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = "Đăng ký kết hôn" }).WaitForAsync();
        await page.Locator(BotBubble).Filter(new() { HasText = "kết hôn" }).First.WaitForAsync();
        Assert.Equal(host.BaseUrl + "/", page.Url);
    }

    [SkippableFact]
    public async Task The_page_speaks_to_anh_chi_and_loads_without_missing_files()
    {
        Skip.If(browser is null, $"Chromium is not installed at {ChromiumPath} (Debian package: chromium).");
        var page = await NewPhonePageAsync();
        var notFound = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
            {
                notFound.Add(response.Url);
            }
        };

        await page.GotoAsync(host!.BaseUrl + "/");
        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await page.Locator(BotBubble).First.WaitForAsync();

        await Assertions.Expect(sendBox).ToHaveAttributeAsync("placeholder", "Anh/chị gõ câu hỏi ở đây");
        await Assertions.Expect(sendBox).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#loading")).ToBeHiddenAsync();
        Assert.Empty(notFound);
    }

    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }
}
