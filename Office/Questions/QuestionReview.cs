using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Questions;

/// <summary>Why a review step on a question was refused.</summary>
public enum ReviewProblem
{
    NotFound,

    /// <summary>The question was kept without the chat it came from, so no answer can reach it.</summary>
    NoResident,

    /// <summary>Neither a procedure nor out of scope was given.</summary>
    NoLabel,

    /// <summary>Approval asked for a question nobody labelled.</summary>
    NotLabelled,

    AlreadyApproved,

    /// <summary>The person who labelled it approves before <see cref="QuestionReview.SamePersonWait"/> has passed.</summary>
    OwnLabelTooSoon,

    /// <summary>The answer's text is empty or too long (<see cref="ReviewOutcome.TextError"/>).</summary>
    Text,
}

/// <summary>A review step's result: the question as it now is, or why nothing changed.</summary>
public sealed record ReviewOutcome(UnansweredQuestion? Question, ReviewProblem? Problem, InputError? TextError = null)
{
    public bool Succeeded => Problem is null;

    public static ReviewOutcome Ok(UnansweredQuestion question) => new(question, null);

    public static ReviewOutcome Fail(ReviewProblem problem, InputError? error = null) => new(null, problem, error);
}

/// <summary>
/// What staff do with the questions the bot could not answer: answer the resident (through the outbox), label the
/// question with its procedure and aspect or out of scope, and approve a label so it becomes a training example. A
/// label is approved by a second person, or by the same person a day later, when they read it with fresh eyes. Each
/// step is audited with the person, in the transaction of the change.
/// </summary>
public sealed class QuestionReview(
    IUnansweredQuestionStore questions,
    IStaffAuditLog audit,
    NoticeService notices,
    OfficeDatabase database,
    TimeProvider time)
{
    /// <summary>How long after labelling the same person may approve their own label.</summary>
    public static readonly TimeSpan SamePersonWait = TimeSpan.FromDays(1);

    /// <summary>At most this many approved examples go into one retraining, oldest first: training time stays bounded.</summary>
    public const int MaxTrainingExamples = 5000;

    public const string AnswerAction = "question.answer";
    public const string LabelAction = "question.label";
    public const string ApproveAction = "question.approve";

    /// <summary>The audit target of a question.</summary>
    public static string Target(int id) => "question/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public ReviewOutcome Answer(int id, string? text, string staff) => database.InTransaction(() =>
    {
        if (questions.Get(id) is not { } question)
        {
            return ReviewOutcome.Fail(ReviewProblem.NotFound);
        }
        if (question.Resident is not { } resident)
        {
            return ReviewOutcome.Fail(ReviewProblem.NoResident);
        }
        var sent = notices.AnswerQuestion(resident, question.Text, text);
        if (!sent.Succeeded)
        {
            return ReviewOutcome.Fail(ReviewProblem.Text, sent.Error);
        }
        var answered = question with { Answer = new QuestionAnswer(text!.Trim(), staff, time.GetUtcNow()) };
        questions.Update(answered);
        audit.Record(staff, AnswerAction, Target(id));
        return ReviewOutcome.Ok(answered);
    });

    /// <summary>
    /// Labels the question with <paramref name="procedureId"/> and <paramref name="aspect"/> (already checked against the
    /// catalog by the caller), or out of scope. A new label needs a new approval.
    /// </summary>
    public ReviewOutcome Label(int id, string? procedureId, string aspect, bool outOfScope, string staff) => database.InTransaction(() =>
    {
        if (questions.Get(id) is not { } question)
        {
            return ReviewOutcome.Fail(ReviewProblem.NotFound);
        }
        if (!outOfScope && string.IsNullOrWhiteSpace(procedureId))
        {
            return ReviewOutcome.Fail(ReviewProblem.NoLabel);
        }
        var label = new QuestionLabel
        {
            ProcedureId = outOfScope ? null : procedureId,
            Aspect = outOfScope ? "none" : aspect,
            OutOfScope = outOfScope,
            LabelledBy = staff,
            LabelledAt = time.GetUtcNow(),
        };
        var labelled = question with { Label = label };
        questions.Update(labelled);
        audit.Record(staff, LabelAction, Target(id), outOfScope ? "out of scope" : $"{procedureId}; {aspect}");
        return ReviewOutcome.Ok(labelled);
    });

    public ReviewOutcome Approve(int id, string staff) => database.InTransaction(() =>
    {
        if (questions.Get(id) is not { } question)
        {
            return ReviewOutcome.Fail(ReviewProblem.NotFound);
        }
        var now = time.GetUtcNow();
        if (CanApprove(question.Label, staff, now) is { } problem)
        {
            return ReviewOutcome.Fail(problem);
        }
        var approved = question with { Label = question.Label! with { ApprovedBy = staff, ApprovedAt = now } };
        questions.Update(approved);
        audit.Record(staff, ApproveAction, Target(id));
        return ReviewOutcome.Ok(approved);
    });

    /// <summary>Null when <paramref name="staff"/> may approve <paramref name="label"/> at <paramref name="now"/>; otherwise why not.</summary>
    public static ReviewProblem? CanApprove(QuestionLabel? label, string staff, DateTimeOffset now) => label switch
    {
        null => ReviewProblem.NotLabelled,
        { Approved: true } => ReviewProblem.AlreadyApproved,
        _ when SamePerson(label.LabelledBy, staff) && now - label.LabelledAt < SamePersonWait => ReviewProblem.OwnLabelTooSoon,
        _ => null,
    };

    /// <summary>The approved examples a retraining uses, oldest first.</summary>
    public IReadOnlyList<UnansweredQuestion> TrainingExamples() => questions.ApprovedInProvince(MaxTrainingExamples);

    /// <summary>After a retrained model with <paramref name="used"/> was accepted: these are in the model used from now, and after a restart.</summary>
    public void MarkInUse(IReadOnlyList<int> used) => questions.MarkInUse(used);

    // Names compare as a person reads them, so "An" and "an " are one person.
    private static bool SamePerson(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
