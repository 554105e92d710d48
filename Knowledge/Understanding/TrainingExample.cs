using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// One labelled message the understanding learns from: what a resident wrote, the intent, and the procedure or
/// other agency's procedure it names (both null for most intents); <paramref name="ChitChat"/> for small talk (intent none).
/// </summary>
public sealed record TrainingExample(string Text, Intent Intent, string? ProcedureId, string? OtherAgencyId = null, bool ChitChat = false)
{
    /// <summary>Thanks or goodbye (intent greeting).</summary>
    public bool Closing { get; init; }

    /// <summary>Something told without a question (intent none): it asks about no aspect.</summary>
    public bool Told { get; init; }

    /// <summary>One of a procedure's names (official, simple, the phrases residents use), not a question about it.</summary>
    public bool Name { get; init; }

    /// <summary>Everything the catalog teaches: each procedure's names, phrases and examples, the other agencies' and intents' examples.</summary>
    public static IReadOnlyList<TrainingExample> From(ProcedureCatalog catalog)
    {
        var examples = new List<TrainingExample>();
        foreach (var procedure in catalog.All)
        {
            examples.AddRange(procedure.Examples.Select(text => new TrainingExample(text, Intent.Ask, procedure.Id)));
            examples.AddRange(procedure.Phrases.Append(procedure.OfficialName).Append(procedure.SimpleName)
                .Select(text => new TrainingExample(text, Intent.Ask, procedure.Id) { Name = true }));
        }

        foreach (var agency in catalog.OtherAgencies)
        {
            examples.AddRange(agency.Examples.Select(text => new TrainingExample(text, Intent.None, null, agency.Id)));
        }

        foreach (var group in catalog.MessageExamples)
        {
            examples.AddRange(group.Examples.Select(text => new TrainingExample(text, group.Intent, group.ProcedureId, ChitChat: group.ChitChat) { Closing = group.Closing, Told = group.Told }));
        }

        return examples;
    }
}
