using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Notices;

namespace OneStopBot.Office.Tests.Questions;

public sealed class QuestionReviewTests : IDisposable
{
    private readonly NoticeTestHost host = new();

    private IUnansweredQuestionStore Questions => host.Get<IUnansweredQuestionStore>();

    private QuestionReview Review => new(Questions, host.Get<IStaffAuditLog>(), host.Get<NoticeService>(), host.Database, host.Time);

    private UnansweredQuestion Asked(string text = "làm giấy khai sinh ở mô", string user = "u1") =>
        Questions.Record(text, NoticeTestHost.Chat(user));

    [Fact]
    public void An_answer_goes_to_the_resident_through_the_outbox_quoting_the_question_and_is_audited()
    {
        var question = Asked("làm khai sinh cho con ở mô, số em 0912345678");

        var outcome = Review.Answer(question.Id, "  Anh/chị đến UBND xã, bàn một cửa.  ", "Chị Hoa");

        var sent = Assert.Single(host.Get<Outbox>().Due(host.Time.GetUtcNow(), 10));
        Assert.Equal((DeliveryKind.StaffReply, NoticeTestHost.Chat("u1")), (sent.Kind, sent.To));
        Assert.Contains("“làm khai sinh cho con ở mô", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Anh/chị đến UBND xã, bàn một cửa.", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("345", sent.Text, StringComparison.Ordinal);
        Assert.Equal(new QuestionAnswer("Anh/chị đến UBND xã, bàn một cửa.", "Chị Hoa", host.Time.GetUtcNow()), outcome.Question!.Answer);
        Assert.Equal(outcome.Question, Questions.Get(question.Id));
        var audited = Assert.Single(host.Get<IStaffAuditLog>().ForTarget(QuestionReview.Target(question.Id)));
        Assert.Equal(("Chị Hoa", QuestionReview.AnswerAction), (audited.Staff, audited.Action));
    }

    [Theory]
    [InlineData("", ReviewProblem.Text)]
    [InlineData("   ", ReviewProblem.Text)]
    public void An_empty_answer_sends_nothing(string text, ReviewProblem problem)
    {
        var question = Asked();

        var outcome = Review.Answer(question.Id, text, "Chị Hoa");

        Assert.Equal(problem, outcome.Problem);
        Assert.Empty(host.Get<Outbox>().Due(host.Time.GetUtcNow(), 10));
        Assert.Null(Questions.Get(question.Id)!.Answer);
    }

    [Fact]
    public void Unknown_questions_and_questions_kept_without_a_chat_cannot_be_answered()
    {
        var old = Questions.Get(Asked().Id)! with { Resident = null };
        Questions.Update(old);

        Assert.Equal(ReviewProblem.NotFound, Review.Answer(999, "Trả lời", "Chị Hoa").Problem);
        Assert.Equal(ReviewProblem.NoResident, Review.Answer(old.Id, "Trả lời", "Chị Hoa").Problem);
        Assert.Empty(host.Get<Outbox>().Due(host.Time.GetUtcNow(), 10));
    }

    [Fact]
    public void A_label_needs_a_procedure_or_out_of_scope()
    {
        var question = Asked();

        Assert.Equal(ReviewProblem.NoLabel, Review.Label(question.Id, null, "none", outOfScope: false, "Chị Hoa").Problem);
        Assert.Equal(ReviewProblem.NoLabel, Review.Label(question.Id, " ", "fee", outOfScope: false, "Chị Hoa").Problem);
        var outOfScope = Review.Label(question.Id, "khai-sinh", "fee", outOfScope: true, "Chị Hoa").Question!.Label!;
        Assert.Equal((null, "none", true), (outOfScope.ProcedureId, outOfScope.Aspect, outOfScope.OutOfScope));
    }

    // Who labels, who approves, how long after: approval needs a second person, or the same person a day later.
    [Theory]
    [InlineData("Chị Hoa", "Anh Minh", 0, null)]
    [InlineData("Chị Hoa", "Chị Hoa", 0, ReviewProblem.OwnLabelTooSoon)]
    [InlineData("Chị Hoa", " chị hoa ", 0, ReviewProblem.OwnLabelTooSoon)]
    [InlineData("Chị Hoa", "Chị Hoa", 60 * 23 + 59, ReviewProblem.OwnLabelTooSoon)]
    [InlineData("Chị Hoa", "Chị Hoa", 60 * 24, null)]
    [InlineData("Chị Hoa", "Chị Hoa", 60 * 30, null)]
    public void Approval_needs_a_second_person_or_the_same_person_a_day_later(string labeller, string approver, int minutesLater, ReviewProblem? expected)
    {
        var question = Asked();
        Review.Label(question.Id, "khai-sinh", "where", outOfScope: false, labeller);
        host.Time.Advance(TimeSpan.FromMinutes(minutesLater));

        var outcome = Review.Approve(question.Id, approver);

        Assert.Equal(expected, outcome.Problem);
        var label = Questions.Get(question.Id)!.Label!;
        Assert.Equal(expected is null ? approver : null, label.ApprovedBy);
        Assert.Equal(expected is null ? host.Time.GetUtcNow() : null, label.ApprovedAt);
        Assert.Equal(expected is null ? 1 : 0, Review.TrainingExamples().Count);
    }

    [Fact]
    public void Labelling_and_approving_are_audited_with_the_person_and_the_time()
    {
        var question = Asked();
        Review.Label(question.Id, "khai-sinh", "where", outOfScope: false, "Chị Hoa");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Review.Approve(question.Id, "Anh Minh");

        var audited = host.Get<IStaffAuditLog>().ForTarget(QuestionReview.Target(question.Id));

        Assert.Equal(
            [("Chị Hoa", QuestionReview.LabelAction, "khai-sinh; where"), ("Anh Minh", QuestionReview.ApproveAction, null)],
            audited.Select(a => (a.Staff, a.Action, a.Details)).ToArray());
        Assert.Equal(TimeSpan.FromMinutes(5), audited[1].At - audited[0].At);
    }

    [Fact]
    public void A_question_not_labelled_or_already_approved_is_not_approved_again()
    {
        var question = Asked();
        Assert.Equal(ReviewProblem.NotLabelled, Review.Approve(question.Id, "Anh Minh").Problem);
        Review.Label(question.Id, "khai-sinh", "none", outOfScope: false, "Chị Hoa");
        Review.Approve(question.Id, "Anh Minh");

        Assert.Equal(ReviewProblem.AlreadyApproved, Review.Approve(question.Id, "Chị Lan").Problem);
        Assert.Equal("Anh Minh", Questions.Get(question.Id)!.Label!.ApprovedBy);
    }

    [Fact]
    public void A_new_label_needs_a_new_approval()
    {
        var question = Asked();
        Review.Label(question.Id, "khai-sinh", "none", outOfScope: false, "Chị Hoa");
        Review.Approve(question.Id, "Anh Minh");
        Review.MarkInUse([question.Id]);

        Review.Label(question.Id, "khai-tu", "fee", outOfScope: false, "Chị Hoa");

        var label = Questions.Get(question.Id)!.Label!;
        Assert.Equal(("khai-tu", false, false), (label.ProcedureId, label.Approved, label.InUse));
        Assert.Empty(Review.TrainingExamples());
    }

    [Fact]
    public void Approved_examples_are_kept_in_the_database_and_marked_in_use_once_a_model_learned_them()
    {
        var first = Asked("khai sinh ở mô");
        var second = Asked("giá phân bón", "u2");
        var unapproved = Asked("làm căn cước", "u3");
        Review.Label(first.Id, "khai-sinh", "where", outOfScope: false, "Chị Hoa");
        Review.Label(second.Id, null, "none", outOfScope: true, "Chị Hoa");
        Review.Label(unapproved.Id, "can-cuoc", "none", outOfScope: false, "Chị Hoa");
        Review.Approve(first.Id, "Anh Minh");
        Review.Approve(second.Id, "Anh Minh");

        Review.MarkInUse([first.Id, second.Id, unapproved.Id]);

        Assert.Equal([first.Id, second.Id], Review.TrainingExamples().Select(q => q.Id).ToArray());
        Assert.All(Review.TrainingExamples(), q => Assert.True(q.Label!.InUse));
        Assert.False(Questions.Get(unapproved.Id)!.Label!.InUse);
    }

    public void Dispose() => host.Dispose();
}
