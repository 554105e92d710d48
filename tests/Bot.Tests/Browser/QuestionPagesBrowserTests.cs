using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Bot.Tests.StaffWeb;
using OneStopBot.Office.Storage;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A clerk on "Câu hỏi", on a 360-px phone and a desktop: the groups, a question's page, answering, labelling, and
/// that only a leader approves; nothing but this host is asked, nothing scrolls sideways.
/// </summary>
public sealed class QuestionPagesBrowserTests(ITestOutputHelper output) : BrowserAndHostTests(StaffHost.Settings())
{
    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_clerk_answers_labels_and_is_told_a_leader_approves(int width, int height)
    {
        Skip.If(Chromium is null, Chromium.NotInstalled);
        var store = Host!.Services.GetRequiredService<IUnansweredQuestionStore>();
        foreach (var text in new[]
        {
            "làm giấy khai sinh cho con ở mô", "lam giay khai sinh o dau", "khai sinh cho cháu làm ở đâu vậy",
            "giá phân bón tháng này", "gia phan bon thang nay bao nhieu", "<script>alert(1)</script> con trâu bị ốm thì gọi ai",
        })
        {
            store.Record(text, QuestionPagesHost.Resident());
        }
        var page = await Chromium.NewPageAsync(width, height);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).Authority != new Uri(Host.BaseUrl).Authority)
            {
                elsewhere.Add(request.Url);
            }
        };
        var dialogs = 0;
        page.Dialog += (_, dialog) => dialogs++;

        await StaffHost.SignInAsync(page, Host.BaseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = QuestionPageTexts.Title, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".group-summary").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^3 câu"));
        // The layout's and the page's own style sheets load from the relative links.
        Assert.Equal("10px", await page.Locator(".card").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopLeftRadius"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"questions-list-{width}")}");

        await page.GetByRole(AriaRole.Link, new() { Name = "làm giấy khai sinh cho con ở mô" }).ClickAsync();
        await page.GetByLabel(QuestionPageTexts.AnswerLabel).FillAsync("Anh/chị mang giấy chứng sinh đến UBND xã, bàn một cửa, sáng thứ Hai đến thứ Sáu.");
        await page.GetByRole(AriaRole.Button, new() { Name = QuestionPageTexts.AnswerButton }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = QuestionPageTexts.Notice(QuestionPageTexts.Codes.Answered)! })).ToBeVisibleAsync();

        await page.GetByLabel(QuestionPageTexts.ProcedureLabel, new() { Exact = true }).SelectOptionAsync("khai-sinh");
        await page.GetByLabel(QuestionPageTexts.AspectLabel, new() { Exact = true }).SelectOptionAsync("where");
        await page.GetByRole(AriaRole.Button, new() { Name = QuestionPageTexts.LabelButton }).PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = QuestionPageTexts.Notice(QuestionPageTexts.Codes.Labelled)! })).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByText(QuestionPageTexts.LeaderApproves)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = QuestionPageTexts.ApproveButton, Exact = true })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The question's page scrolls sideways.");
        output.WriteLine($"Screenshot: {await Chromium.ScreenshotAsync(page, $"questions-question-{width}")}");

        await page.GetByRole(AriaRole.Link, new() { Name = QuestionPageTexts.Back }).ClickAsync();
        await Assertions.Expect(page.Locator(".state").Filter(new() { HasText = QuestionPageTexts.Labelled })).ToHaveCountAsync(1);
        Assert.Equal(0, dialogs);
        Assert.Empty(elsewhere);
    }
}
