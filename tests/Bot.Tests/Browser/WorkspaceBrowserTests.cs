using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A clerk's morning in Chromium, on a 360-px phone and an office desktop, counting clicks: sign in, read Today, open
/// an overdue dossier from it and move it on with a note, find a resident's dossier by the last 4 digits of their phone,
/// read the residents' feedback. Every page fits the width (no sideways scrolling) and has a screenshot.
/// </summary>
public sealed class WorkspaceBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(StaffHost.Settings())
{
    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_clerk_s_morning(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var (overdue, coming) = await SeedAsync();
        var page = await Chromium.NewPageAsync(width, height);
        var clicks = new Dictionary<string, int>();

        // Sign in: type the name, Tab, type the password, Enter.
        await page.GotoAsync(Host!.BaseUrl + StaffSignInPage.Path);
        // The name field takes the keys as soon as the page has focused it.
        await Assertions.Expect(page.GetByLabel(StaffSignInTexts.NameLabel)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(StaffHost.UserId);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(StaffHost.Password);
        await page.Keyboard.PressAsync("Enter");
        clicks["đăng nhập"] = 1;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(TodayTexts.Heading);
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync(overdue.Code);
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync(coming.Code);
        await FitsAsync(page, $"workspace-today-{width}");

        // The papers a pre-registered resident must bring, then the overdue dossier moved on with a note.
        await page.Locator("details summary").First.ClickAsync();
        await Assertions.Expect(page.Locator("details ol li").First).ToBeVisibleAsync();
        clicks["xem giấy tờ cần kiểm tra"] = 1;
        await page.GetByRole(AriaRole.Link, new() { Name = overdue.Code }).ClickAsync();
        await page.GetByLabel(DossierTexts.NewStatus).SelectOptionAsync("supplementRequested");
        await page.GetByLabel(DossierTexts.NoteLabel).FillAsync("Thiếu bản sao giấy chứng sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = DossierTexts.ChangeButton }).ClickAsync();
        clicks["đổi trạng thái hồ sơ quá hạn (từ Hôm nay)"] = 4;
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Cần bổ sung giấy tờ");
        await FitsAsync(page, $"workspace-dossier-{width}");

        // A resident at the counter gives the last 4 digits of their phone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ", Exact = true }).ClickAsync();
        await page.GetByLabel(DossierTexts.Search).FillAsync("5621");
        await page.GetByLabel(DossierTexts.Search).PressAsync("Enter");
        clicks["tìm hồ sơ theo 4 số cuối"] = 2;
        await Assertions.Expect(page.Locator(".items")).ToContainTextAsync(coming.Code);
        await FitsAsync(page, $"workspace-search-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Góp ý" }).ClickAsync();
        clicks["đọc góp ý"] = 1;
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync("Nhờ xã mở cửa sáng thứ Bảy");
        await FitsAsync(page, $"workspace-feedback-{width}");

        output.WriteLine("Clicks (Enter counted as one): " + string.Join("; ", clicks.Select(c => $"{c.Key}: {c.Value}")));
    }

    [SkippableFact]
    public async Task The_menu_and_a_status_change_work_with_the_keyboard_alone()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var (overdue, _) = await SeedAsync();
        var page = await Chromium.NewPageAsync(1280, 800);
        await page.GotoAsync(Host!.BaseUrl + StaffSignInPage.Path);
        // The name field takes the keys as soon as the page has focused it.
        await Assertions.Expect(page.GetByLabel(StaffSignInTexts.NameLabel)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(StaffHost.UserId);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(StaffHost.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(TodayTexts.Heading);

        // The first Tab reaches the link that skips the menu.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = StaffLayoutTexts.SkipToContent })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = overdue.Code }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel(DossierTexts.NewStatus).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Cán bộ đang xử lý");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        Assert.NotEqual(DossierStatus.Received, (await Host.Services.GetRequiredService<IDossierStore>().FindAsync(overdue.Code))!.Status);
    }

    private async Task<(Dossier Overdue, Dossier Coming)> SeedAsync()
    {
        var services = Host!.Services;
        var now = Host.Time.GetUtcNow();
        var overdue = (await services.GetRequiredService<IDossierArchive>().FileAtAsync(
            new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Trần Văn Quá", Phone = "0987654300", Village = "Thôn 1", WorkingDays = 2, Submission = Submission.InPerson },
            "api", now.AddDays(-10)));
        var chat = new ChatAddress("webchat", "dl_resident", "conversation-of-the-resident");
        var coming = (await services.GetRequiredService<IDossierStore>().PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2", Owner = chat,
            AppointmentDate = DateOnly.FromDateTime(now.AddDays(1).UtcDateTime),
        }));
        services.GetRequiredService<IFeedbackStore>().Add(chat, "Nhờ xã mở cửa sáng thứ Bảy");
        services.GetRequiredService<IHandoffStore>().Create(chat, "Cho tôi hỏi cán bộ tư pháp");
        return (overdue, coming);
    }

    private async Task FitsAsync(IPage page, string name)
    {
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, name)}");
    }
}
