using System.Net;
using System.Net.Http.Json;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Bot.Tests.StaffWeb;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>Attacks on the "Câu hỏi" pages: script in what residents type, forged labels, forms posted from elsewhere, approving one's own label, a clerk approving.</summary>
public sealed class QuestionPagesAttackTests : IDisposable
{
    private const string Page = QuestionPagesHost.Page;
    private const string Script = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    private readonly QuestionPagesHost host = new();

    [Fact]
    public async Task Script_in_a_question_is_shown_as_text_in_the_list_and_on_its_page()
    {
        var question = host.Asked("\"><b>khai sinh</b> " + Script);

        foreach (var html in new[] { await host.HtmlAsync(Page), await host.HtmlAsync($"{Page}/{question.Id}") })
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>khai sinh", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Script_in_an_answer_reaches_the_page_as_text()
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        var page = $"{Page}/{question.Id}";

        using var response = await host.PostAsync(page, $"{page}/{QuestionPages.AnswerPath}", (QuestionPages.TextField, Script));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Script, "none")]
    [InlineData("khai-sinh", Script)]
    [InlineData("khai-sinh\"><script>alert(1)</script>", "fee")]
    public async Task A_forged_label_carrying_script_is_refused_and_never_stored(string procedure, string aspect)
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        using var response = await host.LabelAsync(question, procedure, aspect);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.BadLabel)!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Null(host.Questions.Get(question.Id)!.Label);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("answered\"><script>alert(1)</script>")]
    public async Task The_notice_parameter_is_never_echoed(string code)
    {
        var html = await host.HtmlAsync($"{Page}?{QuestionPages.NoticeParameter}={Uri.EscapeDataString(code)}");

        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_approving_their_own_label_the_same_day_is_refused()
    {
        var question = await host.LabelledAsync(WorkspaceFactory.Leader);
        host.Advance(TimeSpan.FromHours(23));

        using var response = await host.ApproveAsync(question);

        Assert.Contains(QuestionPageTexts.Notice(nameof(ReviewProblem.OwnLabelTooSoon))!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(host.Questions.Get(question.Id)!.Label!.Approved);
        Assert.Empty(host.Get<QuestionReview>().TrainingExamples());
    }

    [Theory]
    [InlineData(WorkspaceFactory.Clerk)]
    [InlineData(WorkspaceFactory.OtherClerk)]
    public async Task A_clerk_posting_the_approve_form_with_a_valid_token_is_refused_even_for_anothers_label(string clerk)
    {
        var question = await host.LabelledAsync(WorkspaceFactory.Clerk);
        host.Advance(TimeSpan.FromDays(1));
        host.Acting = clerk;

        using var response = await host.ApproveAsync(question);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(StaffPageTexts.LeaderOnly, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(host.Questions.Get(question.Id)!.Label!.Approved);
        Assert.DoesNotContain(host.Get<IStaffAuditLog>().ForTarget(QuestionReview.Target(question.Id)), a => a.Action != QuestionReview.LabelAction);
    }

    public static TheoryData<string> Forms => new()
    {
        $"1/{QuestionPages.AnswerPath}",
        $"1/{QuestionPages.LabelPath}",
        $"1/{QuestionPages.ApprovePath}",
        QuestionPages.RetrainPath,
        QuestionPages.CancelPath,
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_form_without_its_token_is_refused_with_a_page_in_Vietnamese(string action)
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        host.Acting = WorkspaceFactory.Leader;
        await host.HtmlAsync(Page);

        using var response = await (await host.ClientAsync()).PostAsync($"{Page}/{action}", Workspace.Form(null,
            (QuestionPages.TextField, "Trả lời giả"), (QuestionPages.ProcedureField, "khai-sinh"), (QuestionPages.AspectField, "none")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffPageTexts.FormExpired, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = host.Questions.Get(question.Id)!;
        Assert.Equal((null, null), (stored.Answer, stored.Label));
        Assert.Null(host.Get<QuestionRetraining>().Last);
        Assert.Empty(host.StaffReplies());
    }

    [Fact]
    public async Task A_token_taken_from_another_members_browser_does_not_pass()
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        // The attacker, signed in as another clerk, takes a token from their own page; the victim's browser posts it.
        host.Acting = WorkspaceFactory.OtherClerk;
        var attackerToken = await host.TokenAsync(Page);
        host.Acting = WorkspaceFactory.Clerk;
        await host.HtmlAsync(Page);

        using var response = await (await host.ClientAsync()).PostAsync($"{Page}/{question.Id}/{QuestionPages.AnswerPath}",
            Workspace.Form(attackerToken, (QuestionPages.TextField, "Trả lời giả")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(host.Questions.Get(question.Id)!.Answer);
    }

    [Fact]
    public async Task A_form_too_large_or_of_another_type_is_refused_before_it_is_read()
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        var page = $"{Page}/{question.Id}";
        var token = await host.TokenAsync(page);
        var client = await host.ClientAsync();

        using var tooLarge = await client.PostAsync($"{page}/{QuestionPages.AnswerPath}",
            Workspace.Form(token, (QuestionPages.TextField, new string('a', StaffSessions.MaxFormBytes))));
        using var json = await client.PostAsJsonAsync($"{page}/{QuestionPages.AnswerPath}", new { text = "Trả lời" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Null(host.Questions.Get(question.Id)!.Answer);
    }

    public void Dispose() => host.Dispose();
}
