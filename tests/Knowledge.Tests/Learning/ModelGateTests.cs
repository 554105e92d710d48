using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Learning;

/// <summary>A retrained model replaces the running one only when it scores no lower on the held-out sets.</summary>
[Collection(KnowledgeCollection.Name)]
public sealed class ModelGateTests(KnowledgeFixture knowledge)
{
    private static readonly EvalSet HeldOut = EvalSet.Load(EvalSet.HeldOutPath);

    [Fact]
    public void The_gate_scores_the_held_out_sets_eval_scores_as_eval_does()
    {
        var score = ModelGate.HeldOut().Score(knowledge.Understanding, CancellationToken.None);

        Assert.Equal(
            EvalSet.HeldOutMessagePaths.Select(Path.GetFileName).ToArray(),
            score.Sets.Select(s => s.Name).ToArray());
        var report = HeldOut.Evaluate(knowledge.Understanding);
        Assert.Equal((report.Results.Count(r => r.BothCorrect), report.Count), (score.Sets[0].Correct, score.Sets[0].Count));
        Assert.Equal(report.BothAccuracy, score.Sets[0].Accuracy, 9);
    }

    [Fact]
    public void A_model_taught_wrong_labels_scores_lower_and_is_refused()
    {
        // Messages about procedures labelled out of scope: the candidate learns to answer them "none".
        var mislabelled = HeldOut.Cases.Where(c => c.ProcedureId is not null).Take(120)
            .Select(c => new LearnedExample(c.Text, null, ProcedureAspect.None, OutOfScope: true)).ToList();
        var candidate = LearnedExample.Train(knowledge.Catalog, mislabelled);

        var decision = new ModelGate([HeldOut]).Compare(knowledge.Understanding, candidate, CancellationToken.None);

        Assert.True(decision.After.Correct < decision.Before.Correct, $"{decision.Before.Correct} -> {decision.After.Correct}");
        Assert.False(decision.Accepted);
    }

    [Fact]
    public void A_model_that_scores_the_same_is_accepted()
    {
        var decision = new ModelGate([HeldOut]).Compare(knowledge.Understanding, knowledge.Understanding, CancellationToken.None);

        Assert.Equal(decision.Before.Sets, decision.After.Sets);
        Assert.True(decision.Accepted);
    }

    [Fact]
    public void Scoring_stops_when_cancelled() =>
        Assert.Throws<OperationCanceledException>(() => ModelGate.HeldOut().Score(knowledge.Understanding, new CancellationToken(canceled: true)));

    [Fact]
    public void Learned_examples_of_procedures_the_catalog_no_longer_has_are_left_out()
    {
        var understanding = LearnedExample.Train(knowledge.Catalog, [new LearnedExample("thủ tục đã bỏ", "khong-con-nua", ProcedureAspect.None, OutOfScope: false)]);

        Assert.Equal(knowledge.Understanding.Fingerprint, understanding.Fingerprint);
    }
}
