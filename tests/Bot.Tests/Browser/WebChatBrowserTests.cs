using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Dossiers;
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

    /// <summary>
    /// Multi-line messages show as lines, not one paragraph: a first answer's numbered papers and a dossier's status,
    /// each line ending in a line break and no Markdown list renumbering them.
    /// </summary>
    [SkippableFact]
    public async Task A_first_answer_and_a_dossier_status_show_separate_lines()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var dossier = (await Host!.Services.GetRequiredService<DossierDesk>().ReceiveAsync(
            new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "hồ thị lan", Phone = "0912345678", Village = "Thôn 2", WorkingDays = 0 }, "desk"));
        var khaiSinh = Host.Services.GetRequiredService<ProcedureCatalog>().Find("khai-sinh")!;
        var page = await Chromium.NewPhonePageAsync();
        await page.GotoAsync(Host.BaseUrl + "/");
        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();

        await sendBox.FillAsync("lam giay khai sinh");
        await sendBox.PressAsync("Enter");
        var papers = page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Giấy tờ cần mang:" }).Last;
        await papers.WaitForAsync();
        await Assertions.Expect(papers.Locator("br")).ToHaveCountAsync(khaiSinh.Documents.Count);
        Assert.Equal(0, await papers.Locator("ol, ul, li").CountAsync());
        var essentials = page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Lệ phí:" }).Last;
        await Assertions.Expect(essentials.Locator("br")).ToHaveCountAsync(2);
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-first-answer")}");

        await sendBox.FillAsync(dossier.Code);
        await sendBox.PressAsync("Enter");
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "4 số cuối" }).Last.WaitForAsync();
        await sendBox.FillAsync("5678");
        await sendBox.PressAsync("Enter");
        var status = page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Trạng thái:" }).Last;
        await status.WaitForAsync();
        var lines = (await status.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(await status.Locator("br").CountAsync() >= 3, await status.InnerHTMLAsync());
        Assert.Contains(lines, line => line.StartsWith("Trạng thái:", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Hồ sơ " + dossier.Code, StringComparison.Ordinal));
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "webchat-status")}");
    }

    /// <summary>
    /// The page renders the bot's Markdown itself (the minimal bundle has no renderer): phone numbers tap to call, office
    /// sites link over https, and whatever looks like HTML or a script link, from the bot or typed, shows as text.
    /// </summary>
    [SkippableFact]
    public async Task Links_tap_and_markup_shows_as_text()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPhonePageAsync();
        await page.GotoAsync(Host!.BaseUrl + "/");
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();
        var conversationId = await page.EvaluateAsync<string>("JSON.parse(sessionStorage.getItem('onestop.chat')).conversationId");
        const string notice = "Gọi 0235 3881 234 hoặc xem dichvucong.gov.vn/thu_tuc.\n<b>1. đậm</b> *nghiêng* [x](javascript:alert(1))";
        await Host.NotifyAsync(conversationId, notice);

        var bubble = page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Gọi" }).Last;
        await bubble.WaitForAsync();
        await Assertions.Expect(bubble.Locator("a[href='tel:02353881234']")).ToHaveTextAsync("0235 3881 234");
        await Assertions.Expect(bubble.Locator("a[href='https://dichvucong.gov.vn/thu_tuc']")).ToHaveCountAsync(1);
        await Assertions.Expect(bubble).ToContainTextAsync("<b>1. đậm</b> *nghiêng* [x](javascript:alert(1))");
        Assert.Equal(0, await bubble.Locator("b, em, ol, a[href^='javascript']").CountAsync());

        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        await sendBox.FillAsync("<img src=x onerror=\"window.hacked=1\"> [x](javascript:window.hacked=2)");
        await sendBox.PressAsync("Enter");
        var typed = page.Locator(Chromium.UserBubble).Filter(new() { HasText = "<img" }).Last;
        await typed.WaitForAsync();
        Assert.Equal(0, await typed.Locator("img, a").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.hacked === undefined"));
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

    /// <summary>The end of a pre-registration on a small phone: the code alone in its bubble, no part of it broken.</summary>
    [SkippableFact]
    public async Task After_pre_registration_a_small_phone_shows_the_code_alone_and_unbroken()
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var page = await Chromium.NewPageAsync(360, 740);
        await page.GotoAsync(Host!.BaseUrl + "/");
        foreach (var message in new[] { "Nộp hồ sơ trước", "khai sinh", "Hồ Thị Lan", "0912345621", "Thôn 2", "thứ hai", "Bỏ qua" })
        {
            await Chromium.AskAsync(page, message);
        }
        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "Điện thoại: 0912345621" }).WaitForAsync();

        await Chromium.AskAsync(page, "Gửi");

        await page.Locator(Chromium.BotBubble).Filter(new() { HasText = "ngày dự kiến có kết quả" }).WaitForAsync();
        var bubble = page.Locator(Chromium.BotBubble).Filter(new() { Has = page.Locator(".dossier-code") }).Last;
        var code = bubble.Locator(".dossier-code");
        Assert.Matches(@"^000\.32\.30\.H49-\d{6}-\d{4}$", (await bubble.InnerTextAsync()).Trim());
        // Each part of the code stays on one line: a dash never breaks it.
        var linesPerPart = await code.EvaluateAsync<int[]>("c => Array.from(c.querySelectorAll('span')).map(part => part.getClientRects().length)");
        Assert.All(linesPerPart, lines => Assert.Equal(1, lines));
        await bubble.ScrollIntoViewIfNeededAsync();
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, "pre-registration-end-360")}");
    }
}
