using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Learning;

/// <summary>
/// A resident's question labelled by staff and approved: the procedure it asks about and the aspect, or out of scope
/// (a question for another office, or not about procedures at all).
/// </summary>
public sealed record LearnedExample(string Text, string? ProcedureId, ProcedureAspect Aspect, bool OutOfScope)
{
    /// <summary>
    /// The catalog's examples with <paramref name="learned"/> added: procedures the catalog no longer has are left out,
    /// so a model never learns to answer with a procedure it cannot show.
    /// </summary>
    public static MessageUnderstanding Train(ProcedureCatalog catalog, IReadOnlyList<LearnedExample> learned)
    {
        var usable = learned.Where(e => e.OutOfScope || (e.ProcedureId is { } id && catalog.Find(id) is not null)).ToList();
        if (usable.Count == 0)
        {
            return new MessageUnderstanding(catalog);
        }

        var examples = usable.Select(e => e.OutOfScope
            ? new TrainingExample(e.Text, Intent.None, null)
            : new TrainingExample(e.Text, Intent.Ask, e.ProcedureId)).ToList();
        var aspects = usable.Where(e => !e.OutOfScope && e.Aspect != ProcedureAspect.None)
            .Select(e => new AspectExample(e.Aspect, e.ProcedureId, [e.Text])).ToList();
        return new MessageUnderstanding(catalog, examples, aspects);
    }
}

/// <summary>The approved examples the running model was trained on; read once at start-up so they are used again.</summary>
public interface ILearnedExamples
{
    IReadOnlyList<LearnedExample> InUse();
}

/// <summary>No store of learned examples: the catalog's alone.</summary>
internal sealed class NoLearnedExamples : ILearnedExamples
{
    public IReadOnlyList<LearnedExample> InUse() => [];
}
