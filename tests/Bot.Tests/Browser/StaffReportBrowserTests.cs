using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopBot.Bot.StaffWeb.Figures;
using OneStopBot.Bot.StaffWeb.Sync;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Sync;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The sync and figures pages in Chromium, on a 360-px phone and a desktop, signed in to the workspace: a clerk
/// uploads an export, previews and applies it and reaches the reconciliation; the figures of the demo's 2023 draw their
/// charts from this host alone, fit the screen, and print without the page's controls.
/// </summary>
public sealed class StaffReportBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(StaffHost.Settings())
{
    private async Task<(IPage Page, List<string> Elsewhere)> OpenAsync(int width, int height)
    {
        var page = await Chromium!.NewPageAsync(width, height);
        await StaffHost.SignInAsync(page, Host!.BaseUrl);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme != "data" && url.Authority != new Uri(Host!.BaseUrl).Authority)
            {
                elsewhere.Add(request.Url);
            }
        };
        return (page, elsewhere);
    }

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");

    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_clerk_uploads_an_export_previews_applies_it_and_reconciles(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var known = (await Host!.Services.GetRequiredService<IDossierStore>().ReceiveAsync(
            new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345622", Village = "Thôn 1" }, "Chị Hoa"));
        var csv = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n"
            + $"{known.Code};khai-sinh;Hồ Thị Lan;0912345622;Thôn 1;Đã có kết quả;20/11/2026\n"
            + "261120-0009;ket-hon;Bríu Văn Dũng;0976543210;Thôn 2;Đang giải quyết;20/11/2026\n"
            + "261120-0010;ket-hon;<b>Bríu</b>;0976543210;Thôn 2;Bay lên trời;20/11/2026\n";
        var (page, elsewhere) = await OpenAsync(width, height);

        await page.GetByRole(AriaRole.Link, new() { Name = SyncTexts.Title, Exact = true }).First.ClickAsync();
        await page.GetByLabel(SyncTexts.FileLabel).SetInputFilesAsync(new FilePayload { Name = "xuat-tu-tinh.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"sync-upload-{width}")}");
        await page.GetByRole(AriaRole.Button, new() { Name = SyncTexts.PreviewButton }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("thêm 1 hồ sơ mới, đổi trạng thái 1 hồ sơ");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Đăng ký kết hôn (làm giấy hôn thú)" })).ToBeVisibleAsync();
        Assert.True(await FitsAsync(page), "The preview scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"sync-preview-{width}")}");
        Assert.Equal(DossierStatus.Received, (await Host.Services.GetRequiredService<IDossierStore>().FindAsync(known.Code))!.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = SyncTexts.ApplyButton }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = SyncTexts.AppliedHeading })).ToBeVisibleAsync();
        Assert.Equal(DossierStatus.ResultReady, (await Host.Services.GetRequiredService<IDossierStore>().FindAsync(known.Code))!.Status);
        Assert.Equal("Chị Hoa", Host.Services.GetRequiredService<ProvincialSync>().LastExport()!.Staff);

        await page.GetByRole(AriaRole.Link, new() { Name = SyncTexts.ReconcileLink }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = SyncTexts.ReconcileHeading })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = SyncTexts.ExportButton })).ToBeVisibleAsync();
        Assert.True(await FitsAsync(page), "The reconciliation scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"sync-reconcile-{width}")}");
        Assert.Empty(elsewhere);
    }

    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task The_figures_of_2023_show_the_report_as_charts_and_print_without_controls(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        await Host!.Services.GetRequiredService<DemoData>().SeedAsync();
        var (page, elsewhere) = await OpenAsync(width, height);

        await page.GetByRole(AriaRole.Link, new() { Name = FiguresTexts.Title, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Năm 2023" }).ClickAsync();

        var cards = page.Locator(".cards");
        await Assertions.Expect(cards).ToContainTextAsync("227");
        await Assertions.Expect(cards).ToContainTextAsync("93,83%");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = FiguresTexts.OnlineChart })).ToBeVisibleAsync();
        Assert.Equal(4, await page.Locator("svg.chart").CountAsync());
        Assert.True(await page.Locator("svg.chart rect").CountAsync() >= 12);
        Assert.True(await FitsAsync(page), "The figures scroll sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"figures-2023-{width}")}");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".report-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.period")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".print-only")).ToContainTextAsync("01/01/2023");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"figures-2023-print-{width}")}");
        Assert.Empty(elsewhere);
    }
}
