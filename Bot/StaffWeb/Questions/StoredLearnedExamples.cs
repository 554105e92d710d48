using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.StaffWeb.Questions;

/// <summary>The approved questions the running model was accepted with, read at start-up so a restart keeps what was learned.</summary>
public sealed class StoredLearnedExamples(IUnansweredQuestionStore questions) : ILearnedExamples
{
    public IReadOnlyList<LearnedExample> InUse() =>
        questions.ApprovedInProvince(QuestionReview.MaxTrainingExamples).Where(q => q.Label!.InUse).Select(ToLearned).ToList();

    /// <summary>An approved question as the understanding learns it.</summary>
    public static LearnedExample ToLearned(UnansweredQuestion question)
    {
        var label = question.Label ?? throw new ArgumentException("Only a labelled question teaches.", nameof(question));
        return new LearnedExample(question.Text, label.ProcedureId, AspectNames.Parse(label.Aspect) ?? ProcedureAspect.None, label.OutOfScope);
    }
}
