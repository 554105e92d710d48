using OneStopBot.Knowledge.Evaluation;
using Xunit.Abstractions;

namespace OneStopBot.Knowledge.Tests.Evaluation;

/// <summary>
/// Messages as residents type them (no diacritics, teencode, dialect, typos, words run together, long messages),
/// written before the second round of tuning and never trained on.
/// </summary>
[Collection(KnowledgeCollection.Name)]
public sealed class UnseenSetTests(KnowledgeFixture knowledge, ITestOutputHelper output)
{
    private const int MinimumCases = 150;
    private const double MinimumBothCorrect = 0.95;

    [Fact]
    public void Has_at_least_150_cases_and_both_intent_and_procedure_are_right_for_at_least_95_percent()
    {
        var unseen = EvalSet.Load(EvalSet.UnseenPath);

        var report = unseen.Evaluate(knowledge.Understanding);

        output.WriteLine(report.Format());
        Assert.True(unseen.Cases.Count >= MinimumCases, $"{unseen.Cases.Count} cases");
        Assert.True(report.BothAccuracy >= MinimumBothCorrect, report.Format());
        Assert.Equal(1, report.OutOfScopeAnsweredNone);
    }
}
