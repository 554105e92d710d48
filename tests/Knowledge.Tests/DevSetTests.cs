using OneStopBot.Knowledge.Evaluation;
using Xunit.Abstractions;

namespace OneStopBot.Knowledge.Tests;

[Collection(KnowledgeCollection.Name)]
public sealed class DevSetTests(KnowledgeFixture knowledge, ITestOutputHelper output)
{
    private const double MinimumBothCorrect = 0.90;

    [Fact]
    public void Both_correct_accuracy_on_the_development_set_is_at_least_90_percent()
    {
        var set = EvalSet.Load(RepositoryPaths.DevSet);

        var report = set.Evaluate(knowledge.Understanding);

        output.WriteLine(report.Format());
        Assert.True(set.Cases.Count >= 100, $"the development set looks truncated: {set.Cases.Count} cases");
        Assert.True(report.BothAccuracy >= MinimumBothCorrect, report.Format());
    }
}
