using Microsoft.Playwright;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Office.Staff;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A clerk at <c>/can-bo</c>, on a 360-px phone and a desktop: signs in with the keyboard alone and lands on "Hôm nay",
/// opens the staff chat from the menu, where a staff command answers, and signs out, after which the workspace asks
/// for the password again; a wrong password is told politely.
/// </summary>
public sealed class StaffWebBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(StaffHost.Settings())
{
    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_member_signs_in_with_the_keyboard_runs_a_staff_command_and_signs_out(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(width, height);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            // The page's own blob: and data: addresses are no download; everything else must come from the host.
            var url = new Uri(request.Url.StartsWith("blob:", StringComparison.Ordinal) ? request.Url["blob:".Length..] : request.Url);
            if (url.Scheme != "data" && url.Authority != new Uri(Host!.BaseUrl).Authority)
            {
                elsewhere.Add(request.Url);
            }
        };
        await page.GotoAsync(Host!.BaseUrl + StaffSignInPage.Path);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"staff-sign-in-{width}")}");

        // The name field has the focus; Tab reaches the password, Enter signs in.
        await page.Keyboard.TypeAsync(StaffHost.UserId);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(StaffHost.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(TodayTexts.Heading);

        await page.GetByRole(AriaRole.Link, new() { Name = "Khung lệnh" }).ClickAsync();
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();
        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await Assertions.Expect(sendBox).ToHaveAttributeAsync("placeholder", StaffSignInTexts.CommandPlaceholder);
        await sendBox.FocusAsync();
        await page.Keyboard.TypeAsync("/thongke");
        await page.Keyboard.PressAsync("Enter");

        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Tiếp nhận:" }).WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        Assert.Empty(elsewhere);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"staff-chat-{width}")}");

        await page.GetByRole(AriaRole.Button, new() { Name = StaffLayoutTexts.SignOut }).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.GotoAsync(Host.BaseUrl + "/" + StaffSignInPage.Home);
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_wrong_password_is_told_politely_and_the_password_asked_again()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);
        await page.GotoAsync(Host!.BaseUrl + StaffSignInPage.Path);

        await page.GetByLabel(StaffSignInTexts.NameLabel).FillAsync(StaffHost.UserId);
        await page.GetByLabel(StaffSignInTexts.PasswordLabel).FillAsync("mat-khau-doan-bua");
        await page.GetByRole(AriaRole.Button, new() { Name = StaffSignInTexts.SignInButton, Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = StaffSignInTexts.WrongNameOrPassword })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel(StaffSignInTexts.PasswordLabel)).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel(StaffSignInTexts.PasswordLabel)).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel(StaffSignInTexts.NameLabel)).ToHaveValueAsync(StaffHost.UserId);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "staff-wrong-password-360")}");
    }

    [SkippableFact]
    public async Task An_empty_form_is_not_sent()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);
        var asked = new List<string>();
        page.Request += (_, request) => asked.Add(request.Url);
        await page.GotoAsync(Host!.BaseUrl + StaffSignInPage.Path);

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByLabel(StaffSignInTexts.NameLabel)).ToBeFocusedAsync();
        Assert.DoesNotContain(asked, url => url.Contains("dang-nhap", StringComparison.Ordinal));
    }
}

/// <summary>After too many wrong passwords from one address, the page says to wait, not that the password is wrong.</summary>
public sealed class StaffWebLockoutBrowserTests() : BrowserAndHostTests(StaffHost.Settings(("Edge:MaxFailedCredentials", "1")))
{
    [SkippableFact]
    public async Task Too_many_attempts_are_told_with_the_time_to_wait()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);
        await page.GotoAsync(Host!.BaseUrl + StaffSignInPage.Path);
        await page.GetByLabel(StaffSignInTexts.NameLabel).FillAsync(StaffHost.UserId);
        await page.GetByLabel(StaffSignInTexts.PasswordLabel).FillAsync("mat-khau-doan-bua");
        await page.GetByLabel(StaffSignInTexts.PasswordLabel).PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(StaffSignInTexts.WrongNameOrPassword);

        await page.GetByLabel(StaffSignInTexts.PasswordLabel).FillAsync(StaffHost.Password);
        await page.GetByLabel(StaffSignInTexts.PasswordLabel).PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, StaffSignInTexts.TooManyAttempts, 15));
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }
}

/// <summary>A host with one web chat staff member who signs in with a password.</summary>
public static class StaffHost
{
    public const string UserId = "hoa";

    public const string Password = "mat-khau-rieng-cua-chi-Hoa";

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Staff:Members:0:Channel"] = "webchat",
            ["Staff:Members:0:UserId"] = UserId,
            ["Staff:Members:0:Name"] = "Chị Hoa",
            ["Staff:Members:0:PasswordHash"] = StaffPassword.Hash(Password),
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Signs <see cref="UserId"/> in through the sign-in page and waits for "Hôm nay".</summary>
    public static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + StaffSignInPage.Path);
        await page.GetByLabel(StaffSignInTexts.NameLabel).FillAsync(UserId);
        await page.GetByLabel(StaffSignInTexts.PasswordLabel).FillAsync(Password);
        await page.GetByLabel(StaffSignInTexts.PasswordLabel).PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(TodayTexts.Heading);
    }
}
