using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStopBot.Bot.PublicPages;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The public procedure pages in headless Chromium: on a 360 px phone (read without script, nothing wider than the
/// screen, the button opens the chat on the procedure), on A4 paper (black on white, no buttons, few sheets), and framed
/// by another site. Screenshots go to the test output folder.
/// </summary>
public sealed partial class ProcedurePagesBrowserTests(ITestOutputHelper output) : BrowserAndHostTests
{
    private const string KhaiSinh = "Đăng ký khai sinh";

    [SkippableFact]
    public async Task On_a_360_px_phone_the_list_and_a_page_fit_the_screen_and_the_button_opens_the_chat_on_it()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);
        var scripts = new List<string>();
        var failed = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "script" && request.Url.Contains("/thu-tuc", StringComparison.Ordinal))
            {
                scripts.Add(request.Url);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add(response.Url);
            }
        };

        await page.GotoAsync(Host!.BaseUrl + "/thu-tuc");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(ProcedurePageTexts.IndexTitle);
        Assert.True(await FitsAsync(page), "The list is wider than the phone.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "procedures-index-360")}");

        await page.GetByRole(AriaRole.Link, new() { Name = KhaiSinh, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Host.BaseUrl + "/thu-tuc/khai-sinh");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(KhaiSinh);
        var button = page.GetByRole(AriaRole.Link, new() { Name = ProcedurePageTexts.AskAboutThis });
        var box = await button.BoundingBoxAsync();
        Assert.True(await FitsAsync(page), "The page is wider than the phone.");
        Assert.True(box!.Height >= 44, $"The button is {box.Height} px high: too small to tap.");
        Assert.True(await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)") >= 16);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await Assertions.Expect(page.Locator(".qr img")).ToHaveJSPropertyAsync("complete", true);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "procedure-khai-sinh-360")}");

        await button.ClickAsync();
        await page.Locator(Chromium.UserBubble).Filter(new() { HasText = KhaiSinh }).WaitForAsync();
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Giấy tờ cần mang:" }).First.WaitForAsync();
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "procedure-chat-360")}");
        Assert.Empty(scripts);
        Assert.Empty(failed);
    }

    /// <summary>What a slow line carries for a first visit: the page, two small style sheets, the icon and the code, compressed.</summary>
    [SkippableFact]
    public async Task A_first_visit_to_a_page_downloads_a_few_kilobytes()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);

        await page.GotoAsync(Host!.BaseUrl + "/thu-tuc/khai-sinh", new() { WaitUntil = WaitUntilState.Load });
        var bytes = await page.EvaluateAsync<double>(
            "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.transferSize, 0)");

        output.WriteLine($"Bytes over the network for a first visit: {bytes}");
        Assert.InRange(bytes, 1_000, 20_000);
    }

    [SkippableFact]
    public async Task A_phone_without_script_reads_every_section()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var context = await Chromium.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 360, Height = 740 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Host!.BaseUrl + "/thu-tuc/khai-sinh");

        await Assertions.Expect(page.Locator("h2")).ToContainTextAsync(["Ai được làm", "Giấy tờ cần mang", "Các bước làm", "Thời gian", "Lệ phí", "Hạn phải làm", "Nộp ở đâu", "Làm trực tuyến"]);
        await Assertions.Expect(page.Locator("section").Nth(1).Locator("li")).ToHaveCountAsync(4);
    }

    [SkippableFact]
    public async Task On_A4_paper_a_page_prints_black_on_white_without_buttons_on_few_sheets()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        // A4 at 96 px an inch, less the margins.
        var page = await Chromium.NewPageAsync(680, 1000);
        await page.GotoAsync(Host!.BaseUrl + "/thu-tuc/khai-sinh");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("a.action")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
        Assert.Equal("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header.top')).backgroundColor"));
        Assert.Equal(["rgb(0, 0, 0)"], await page.EvaluateAsync<string[]>(
            "[...new Set([...document.querySelectorAll('h1, h2, p, li, a')].filter(e => e.offsetParent).map(e => getComputedStyle(e).color))]"));
        await Assertions.Expect(page.Locator(".qr img")).ToHaveJSPropertyAsync("complete", true);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "procedure-khai-sinh-print")}");

        var sheets = Sheets(await page.PdfAsync(new() { Format = "A4" }));
        var index = await page.Context.NewPageAsync();
        await index.GotoAsync(Host.BaseUrl + "/thu-tuc");
        await index.EmulateMediaAsync(new() { Media = Media.Print });
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(index, "procedures-index-print")}");
        var indexSheets = Sheets(await index.PdfAsync(new() { Format = "A4" }));
        output.WriteLine($"A4 sheets: khai sinh {sheets}, the list {indexSheets}");
        // Khai sinh carries its online guide step by step as well.
        Assert.InRange(sheets, 1, 3);
        Assert.InRange(indexSheets, 1, 4);
    }

    /// <summary>Under a path of the commune's site, every link, style sheet and image resolves there, and the button opens the chat there.</summary>
    [SkippableFact]
    public async Task Under_a_proxy_path_the_list_a_page_and_the_chat_all_load()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        await using var proxy = await PathProxy.StartAsync(Host!.BaseUrl);
        var site = proxy.BaseUrl + PathProxy.Prefix;
        var page = await Chromium.NewPageAsync(360, 740);
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            // Web Chat's own blob: and data: addresses, and the stream's socket, are not the page's links.
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && !request.Url.StartsWith(site + "/", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add(response.Url);
            }
        };

        await page.GotoAsync(site + "/thu-tuc");
        await page.GetByRole(AriaRole.Link, new() { Name = KhaiSinh, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site + "/thu-tuc/khai-sinh");
        await Assertions.Expect(page.Locator("header.top")).ToHaveCSSAsync("background-color", "rgb(11, 92, 173)");
        await Assertions.Expect(page.Locator(".qr img")).ToHaveJSPropertyAsync("complete", true);
        await page.GetByRole(AriaRole.Link, new() { Name = ProcedurePageTexts.AskAboutThis }).ClickAsync();
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Giấy tờ cần mang:" }).First.WaitForAsync();

        Assert.StartsWith(site + "/", page.Url);
        Assert.Empty(outside);
        Assert.Empty(failed);
    }

    /// <summary>A commune website frames a page: it shows inside the other site's page.</summary>
    [SkippableFact]
    public async Task Another_site_may_frame_a_page()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(1024, 800);
        await page.SetContentAsync($"""<h1>Cổng thông tin xã</h1><iframe src="{Host!.BaseUrl}/thu-tuc/khai-sinh" style="width:100%;height:600px"></iframe>""");

        await Assertions.Expect(page.FrameLocator("iframe").Locator("h1")).ToHaveTextAsync(KhaiSinh);
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");

    private static int Sheets(byte[] pdf) => PdfPage().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PdfPage();
}
