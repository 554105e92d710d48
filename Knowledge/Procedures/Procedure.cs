namespace OneStopBot.Knowledge.Procedures;

/// <summary>One administrative procedure (thủ tục hành chính) as the office explains it to residents.</summary>
public sealed record Procedure(
    string Id,
    string OfficialName,
    string SimpleName,
    string Group,
    string WhoNeedsIt,
    string Summary,
    IReadOnlyList<string> Steps,
    IReadOnlyList<RequiredDocument> Documents,
    ProcessingTime Time,
    Fee Fee,
    string WhereAndWhen,
    OnlineSubmission Online,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Phrases)
{
    /// <summary>Messages as residents write them about this procedure: what the understanding learns from.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
}

/// <summary>How a paper is brought: the original, a copy, or shown to staff and taken home.</summary>
public enum DocumentForm
{
    Original,
    Copy,
    Show,
}

/// <summary>A paper to bring. <paramref name="Count"/> is how many of it.</summary>
public sealed record RequiredDocument(string Name, DocumentForm Form, int Count, string? Note);

/// <summary>Processing time. <paramref name="WorkingDays"/>: 0 = same day (after 15:00, next working day); null = not confirmed.</summary>
public sealed record ProcessingTime(int? WorkingDays, string Text)
{
    public bool IsSameDay => WorkingDays == 0;
}

/// <summary>The fee. <paramref name="Free"/> is null when the amount is not confirmed (the province sets it).</summary>
public sealed record Fee(bool? Free, string Text);

/// <summary>Whether the dossier can be filed online. <paramref name="Available"/> is null when not confirmed.</summary>
public sealed record OnlineSubmission(bool? Available, string Text);
