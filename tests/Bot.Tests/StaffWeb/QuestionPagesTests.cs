using System.Net;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

public sealed class QuestionPagesTests : IDisposable
{
    private const string Page = QuestionPagesHost.Page;

    private readonly QuestionPagesHost host = new();

    [Fact]
    public async Task The_list_groups_alike_questions_largest_first_with_counts_days_and_numbers_masked()
    {
        host.Asked("giá phân bón tháng này");
        host.Asked("làm giấy khai sinh ở đâu, số em 0912345678");
        host.Advance(TimeSpan.FromDays(1));
        host.Asked("lam giay khai sinh o dau");
        host.Asked("làm giấy khai sinh ở mô");
        host.Asked("gia phan bon thang nay bao nhieu");
        host.Asked("con trâu bị ốm thì gọi ai");

        using var response = await (await host.ClientAsync()).GetAsync(Page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var summaries = System.Text.RegularExpressions.Regex.Matches(html, "<p class=\"group-summary\">([^<]+)</p>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["3 câu · từ thứ Năm, 26/11/2026 đến thứ Sáu, 27/11/2026", "2 câu · từ thứ Năm, 26/11/2026 đến thứ Sáu, 27/11/2026", "1 câu · thứ Sáu, 27/11/2026"], summaries);
        Assert.DoesNotContain("345", html, StringComparison.Ordinal);
        Assert.Contains("09******78", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_question_the_page_says_so()
    {
        var html = await host.HtmlAsync(Page);

        Assert.Contains(QuestionPageTexts.Empty, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_answers_the_resident_through_the_outbox_and_the_page_says_it_was_sent()
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        var page = $"{Page}/{question.Id}";

        using var response = await host.PostAsync(page, $"{page}/{QuestionPages.AnswerPath}", (QuestionPages.TextField, "Anh/chị đến UBND xã, bàn một cửa."));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(page, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Answered)!, html, StringComparison.Ordinal);
        Assert.Contains("Anh/chị đến UBND xã, bàn một cửa.", html, StringComparison.Ordinal);
        var delivery = Assert.Single(host.StaffReplies());
        Assert.Equal(QuestionPagesHost.Resident(), delivery.To);
        Assert.Contains("“làm giấy khai sinh ở mô”", delivery.Text, StringComparison.Ordinal);
        Assert.Equal(WorkspaceFactory.ClerkName, host.Questions.Get(question.Id)!.Answer!.By);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_politely_and_nothing_is_sent()
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        var page = $"{Page}/{question.Id}";

        using var response = await host.PostAsync(page, $"{page}/{QuestionPages.AnswerPath}", (QuestionPages.TextField, "   "));

        Assert.Contains(QuestionPageTexts.Notice(nameof(ReviewProblem.Text))!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.StaffReplies());
    }

    [Theory]
    [InlineData("khai-sinh", "where", "", "khai-sinh", "where", false)]
    [InlineData("khai-sinh", "", "", "khai-sinh", "none", false)]
    [InlineData("", "fee", "1", null, "none", true)]
    public async Task A_clerk_labels_a_question_with_its_procedure_and_aspect_or_out_of_scope(
        string procedure, string aspect, string outOfScope, string? expectedProcedure, string expectedAspect, bool expectedOutOfScope)
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        var page = $"{Page}/{question.Id}";

        using var response = await host.PostAsync(page, $"{page}/{QuestionPages.LabelPath}",
            (QuestionPages.ProcedureField, procedure), (QuestionPages.AspectField, aspect), (QuestionPages.OutOfScopeField, outOfScope));

        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Labelled)!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var label = host.Questions.Get(question.Id)!.Label!;
        Assert.Equal((label.ProcedureId, label.Aspect, label.OutOfScope, label.LabelledBy), (expectedProcedure, expectedAspect, expectedOutOfScope, WorkspaceFactory.ClerkName));
        Assert.Contains(host.Get<IStaffAuditLog>().ForTarget(QuestionReview.Target(question.Id)), a => a.Action == QuestionReview.LabelAction);
    }

    [Theory]
    [InlineData("khong-co", "none")]
    [InlineData("khai-sinh", "gia-ca")]
    [InlineData("", "")]
    public async Task A_label_naming_no_procedure_or_aspect_of_the_lists_is_refused(string procedure, string aspect)
    {
        var question = host.Asked("làm giấy khai sinh ở mô");
        using var response = await host.LabelAsync(question, procedure, aspect);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(
            html.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.BadLabel)!, StringComparison.Ordinal)
            || html.Contains(QuestionPageTexts.Notice(nameof(ReviewProblem.NoLabel))!, StringComparison.Ordinal));
        Assert.Null(host.Questions.Get(question.Id)!.Label);
    }

    [Fact]
    public async Task A_leader_approves_a_clerks_label_the_same_day_and_the_page_names_the_approver()
    {
        var question = await host.LabelledAsync(WorkspaceFactory.Clerk);
        host.Acting = WorkspaceFactory.Leader;

        using var response = await host.ApproveAsync(question);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Approved)!, html, StringComparison.Ordinal);
        Assert.Contains(WorkspaceFactory.LeaderName + " đã duyệt", html, StringComparison.Ordinal);
        var label = host.Questions.Get(question.Id)!.Label!;
        Assert.Equal((WorkspaceFactory.LeaderName, host.Factory.Time.GetUtcNow()), (label.ApprovedBy, label.ApprovedAt));
        Assert.Single(host.Get<QuestionReview>().TrainingExamples());
    }

    [Fact]
    public async Task A_leader_approves_their_own_label_a_day_later()
    {
        var question = await host.LabelledAsync(WorkspaceFactory.Leader);
        host.Advance(TimeSpan.FromDays(1));

        using var response = await host.ApproveAsync(question);

        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Approved)!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((WorkspaceFactory.LeaderName, host.Factory.Time.GetUtcNow()), (host.Questions.Get(question.Id)!.Label!.ApprovedBy, host.Questions.Get(question.Id)!.Label!.ApprovedAt));
    }

    [Fact]
    public async Task Only_a_leaders_page_offers_the_approve_button_a_clerk_is_told_a_leader_approves()
    {
        var question = await host.LabelledAsync(WorkspaceFactory.Clerk);
        var approveAction = $"action=\"{question.Id}/{QuestionPages.ApprovePath}\"";

        host.Acting = WorkspaceFactory.OtherClerk;
        var clerks = await host.HtmlAsync($"{Page}/{question.Id}");
        host.Acting = WorkspaceFactory.Leader;
        var leaders = await host.HtmlAsync($"{Page}/{question.Id}");

        Assert.DoesNotContain(approveAction, clerks, StringComparison.Ordinal);
        Assert.Contains(QuestionPageTexts.LeaderApproves, clerks, StringComparison.Ordinal);
        Assert.Contains(approveAction, leaders, StringComparison.Ordinal);
        Assert.DoesNotContain(QuestionPageTexts.LeaderApproves, leaders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_question_is_a_404_page_in_Vietnamese()
    {
        var html = await host.HtmlAsync($"{Page}/999", HttpStatusCode.NotFound);

        Assert.Contains(QuestionPageTexts.Notice(nameof(ReviewProblem.NotFound))!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_a_page_sends_to_the_sign_in_and_a_form_gets_a_401()
    {
        using var anonymous = host.Factory.Browser().Client;
        var question = host.Asked("làm giấy khai sinh ở mô");

        foreach (var page in new[] { Page, $"{Page}/{question.Id}" })
        {
            using var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal(StaffSignInPage.Path, BroadcastPagesTests.RedirectTarget(response));
        }
        foreach (var action in new[] { QuestionPages.RetrainPath, $"{question.Id}/{QuestionPages.AnswerPath}", $"{question.Id}/{QuestionPages.ApprovePath}" })
        {
            using var response = await anonymous.PostAsync($"{Page}/{action}", Workspace.Form(null, (QuestionPages.TextField, "Trả lời")));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Null(host.Questions.Get(question.Id)!.Answer);
        Assert.Null(host.Get<QuestionRetraining>().Last);
    }

    [Fact]
    public async Task Retraining_runs_in_the_background_and_the_page_shows_the_scores_before_and_after_and_the_decision()
    {
        var question = await ApprovedAsync("bé mới đẻ thì đi mô làm giấy");
        var retraining = host.Get<QuestionRetraining>();
        var live = host.Get<LiveUnderstanding>();
        var before = live.Current;
        var finished = retraining.NextFinished;

        using var started = await host.PostAsync(Page, $"{Page}/{QuestionPages.RetrainPath}");
        var second = await host.PostAsync(Page, $"{Page}/{QuestionPages.RetrainPath}");
        var run = await finished;
        var html = await host.HtmlAsync(Page);

        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Started)!, await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Busy)!, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, run.Examples);
        var decision = Assert.IsType<Knowledge.Learning.GateDecision>(run.Decision);
        Assert.Equal(decision.Accepted ? RetrainingState.Accepted : RetrainingState.Refused, run.State);
        Assert.Equal(decision.Accepted, !ReferenceEquals(before, live.Current));
        Assert.Equal(decision.Accepted, host.Questions.Get(question.Id)!.Label!.InUse);
        Assert.Contains(QuestionPageTexts.State(run.State), html, StringComparison.Ordinal);
        Assert.Contains(QuestionPageTexts.SetName("understand.test.tsv"), html, StringComparison.Ordinal);
        Assert.Contains($"({decision.Before.Correct}/{decision.Before.Count} câu đúng)", html, StringComparison.Ordinal);
        Assert.Contains($"({decision.After.Correct}/{decision.After.Count} câu đúng)", html, StringComparison.Ordinal);
        var audited = Assert.Single(host.Get<IStaffAuditLog>().Recent(50), a => a.Action == QuestionRetraining.RetrainAction);
        Assert.Equal(WorkspaceFactory.ClerkName, audited.Staff);
    }

    [Fact]
    public async Task A_retraining_stopped_with_Dung_keeps_the_running_model()
    {
        var question = await ApprovedAsync("bé mới đẻ thì đi mô làm giấy");
        var live = host.Get<LiveUnderstanding>();
        var before = live.Current;
        var finished = host.Get<QuestionRetraining>().NextFinished;

        await host.PostAsync(Page, $"{Page}/{QuestionPages.RetrainPath}");
        using var stopped = await host.PostAsync(Page, $"{Page}/{QuestionPages.CancelPath}");
        var run = await finished;

        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.Cancelled)!, await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RetrainingState.Cancelled, run.State);
        Assert.Same(before, live.Current);
        Assert.False(host.Questions.Get(question.Id)!.Label!.InUse);
        Assert.Contains(QuestionPageTexts.State(RetrainingState.Cancelled), await host.HtmlAsync(Page), StringComparison.Ordinal);
        // Nothing runs now, so Dừng says so and Học lại ngay is offered again.
        using var again = await host.PostAsync(Page, $"{Page}/{QuestionPages.CancelPath}");
        Assert.Contains(QuestionPageTexts.Notice(QuestionPageTexts.Codes.NothingRunning)!, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retraining_with_nothing_approved_says_so_and_keeps_the_model()
    {
        var live = host.Get<LiveUnderstanding>();
        var before = live.Current;
        var finished = host.Get<QuestionRetraining>().NextFinished;

        await host.PostAsync(Page, $"{Page}/{QuestionPages.RetrainPath}");
        var run = await finished;

        Assert.Equal(RetrainingState.NothingToLearn, run.State);
        Assert.Same(before, live.Current);
        Assert.Contains(QuestionPageTexts.State(RetrainingState.NothingToLearn), await host.HtmlAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_the_pages_compose_is_in_Vietnamese()
    {
        string[] codes =
        [
            QuestionPageTexts.Codes.Answered, QuestionPageTexts.Codes.Labelled, QuestionPageTexts.Codes.Approved, QuestionPageTexts.Codes.Started,
            QuestionPageTexts.Codes.Busy, QuestionPageTexts.Codes.Cancelled, QuestionPageTexts.Codes.NothingRunning, QuestionPageTexts.Codes.BadLabel,
            .. Enum.GetNames<ReviewProblem>(),
        ];
        var composed = codes.Select(QuestionPageTexts.Notice)
            .Concat(Enum.GetValues<RetrainingState>().Select(QuestionPageTexts.State))
            .Concat(Enum.GetValues<ProcedureAspect>().Select(QuestionPageTexts.Aspect))
            .Concat(Knowledge.Evaluation.EvalSet.HeldOutMessagePaths.Select(path => QuestionPageTexts.SetName(Path.GetFileName(path))))
            .Concat(new[] { "zalo", "webchat", "directline", "console", "msteams" }.Select(QuestionPageTexts.Channel))
            .ToList();

        Assert.All(composed, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.DoesNotContain(composed, text => Dialogs.Tests.Language.ShownTexts.HasEnglish(text!));
        // Each held-out set has a name of its own on the page.
        Assert.DoesNotContain(QuestionPageTexts.SetName("khac.tsv"), Knowledge.Evaluation.EvalSet.HeldOutMessagePaths.Select(path => QuestionPageTexts.SetName(Path.GetFileName(path))));
    }

    // Labelled by a clerk, approved by the leader; the clerk goes on.
    private async Task<UnansweredQuestion> ApprovedAsync(string text)
    {
        var question = await host.LabelledAsync(WorkspaceFactory.Clerk, text);
        host.Acting = WorkspaceFactory.Leader;
        await host.ApproveAsync(question);
        host.Acting = WorkspaceFactory.Clerk;
        return question;
    }

    public void Dispose() => host.Dispose();
}
