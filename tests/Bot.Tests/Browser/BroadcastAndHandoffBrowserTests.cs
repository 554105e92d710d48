using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopBot.Bot.StaffWeb.Broadcasts;
using OneStopBot.Bot.StaffWeb.Handoffs;
using OneStopBot.Bot.Tests.Notices;
using OneStopBot.Office.Notices;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A clerk, signed in, on the broadcasts and handoffs pages, on a 360-px phone and a desktop: the preview shows what is typed as text,
/// a broadcast's audience is counted in its history, a resident's new message arrives without reloading, a reply is sent.
/// </summary>
public sealed class BroadcastAndHandoffBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(StaffHost.Settings())
{    private const string Markup = "<img src=x onerror=\"document.title='hacked'\">";

    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_clerk_previews_and_sends_a_notice_to_one_village_and_sees_its_delivery(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        Host!.Services.GetRequiredService<SubscriptionStore>().Subscribe(OutboxTestHost.Chat("unreachable", "nowhere"), "Thôn 2");
        var page = await OpenAsync(width, height, "/can-bo/" + BroadcastPages.Slug);

        var typed = "Họp dân thôn 2 lúc 8 giờ sáng thứ Hai.\nMang theo căn cước. " + Markup;
        await page.GetByLabel(BroadcastTexts.TextLabel).FillAsync(typed);
        await page.GetByLabel("Thôn 2").CheckAsync();

        await Assertions.Expect(page.Locator("#preview-text")).ToHaveTextAsync(typed);
        await Assertions.Expect(page.Locator("#preview-text img")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"broadcast-compose-{width}")}");

        await page.GetByRole(AriaRole.Button, new() { Name = BroadcastTexts.SendButton }).ClickAsync();

        var row = page.Locator(".history tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("Thôn 2");
        // The village's one subscriber is counted once, whether still pending, sent or failed when the row is read.
        var counts = await row.Locator("[data-count]").AllTextContentsAsync();
        Assert.Equal(1, counts.Sum(int.Parse));
        await Assertions.Expect(page.Locator(".history tbody tr")).ToHaveCountAsync(1);
        Assert.NotEqual("hacked", await page.TitleAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"broadcast-history-{width}")}");
    }

    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_clerk_follows_a_residents_messages_and_replies_from_the_browser(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var resident = OutboxTestHost.Chat("dan", "nowhere");
        var notices = Host!.Services.GetRequiredService<NoticeService>();
        var handoff = notices.ForwardToStaff(resident, "Cho hỏi làm lại giấy khai sinh bị mất thì cần gì?").Value!.Handoff;
        var page = await OpenAsync(width, height, "/can-bo/" + HandoffPages.Slug);

        await page.GetByRole(AriaRole.Link, new() { Name = handoff.Id }).ClickAsync();
        await Assertions.Expect(page.Locator("#conversation li")).ToHaveCountAsync(1);

        notices.KeepResidentMessage(resident, "Tôi ở thôn 4, đi xa lắm. " + Markup);
        await Assertions.Expect(page.Locator("#conversation li.from-resident").Nth(1)).ToContainTextAsync("Tôi ở thôn 4", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#conversation img")).ToHaveCountAsync(0);

        await page.GetByLabel(HandoffTexts.ReplyLabel).FillAsync("Anh/chị mang bản sao sổ hộ khẩu, lên xã sáng thứ Hai nhé.");
        await page.GetByRole(AriaRole.Button, new() { Name = HandoffTexts.SendButton }).ClickAsync();

        await Assertions.Expect(page.Locator("#conversation li.from-staff")).ToContainTextAsync("sáng thứ Hai");
        Assert.NotEqual("hacked", await page.TitleAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"handoff-conversation-{width}")}");
    }

    private async Task<IPage> OpenAsync(int width, int height, string path)
    {
        var page = await Chromium!.NewPageAsync(width, height);
        await StaffHost.SignInAsync(page, Host!.BaseUrl);
        await page.GotoAsync(Host.BaseUrl + path);
        return page;
    }
}
