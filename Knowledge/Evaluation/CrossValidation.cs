using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Evaluation;

/// <summary>k-fold cross-validation on the catalog's own training examples: each fold is understood by a model trained on the others.</summary>
public static class CrossValidation
{
    private const int Seed = 10;

    public static EvalReport Run(ProcedureCatalog catalog, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(Seed);
        var examples = TrainingExample.From(catalog).OrderBy(_ => random.Next()).ToList();
        var results = new List<EvalResult>(examples.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var held = fold;
            var understanding = new MessageUnderstanding(examples.Where((_, i) => i % folds != held).ToList(), catalog.AspectExamples);
            results.AddRange(examples
                .Select((example, i) => (example, i))
                .Where(pair => pair.i % folds == held)
                .Select(pair => new EvalResult(
                    // The fold as the case's style: the report prints each fold's both-correct beside the whole.
                    new EvalCase(pair.i + 1, pair.example.Text, pair.example.Intent, pair.example.ProcedureId) { Style = $"fold {held + 1}" },
                    understanding.Understand(pair.example.Text))));
        }

        return new EvalReport($"cross-validation ({folds} folds, {examples.Count} examples)", results.OrderBy(r => r.Case.Line).ToList());
    }
}
