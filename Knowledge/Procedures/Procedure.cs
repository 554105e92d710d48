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

    /// <summary>Who receives the dossier; the one-stop desk when the file does not say.</summary>
    public ProcedureHandler Handler { get; init; } = ProcedureHandler.OneStopDesk;

    /// <summary>Who can apply or receive it (trợ cấp, BHYT…); null where the file does not say.</summary>
    public string? WhoQualifies { get; init; }

    /// <summary>Whether someone else can go for the resident; null where the file does not say.</summary>
    public string? Proxy { get; init; }

    /// <summary>How long the resident has to do it (khai sinh within 60 days of the birth); null where the file does not say.</summary>
    public string? Deadline { get; init; }

    /// <summary>What follows when the resident is late or does not do it; null where the file does not say.</summary>
    public string? Penalty { get; init; }

    /// <summary>The limit in a form the bot computes the last day from; null where the law sets none or the file does not say.</summary>
    public DeadlineRule? DeadlineRule { get; init; }

    /// <summary>Whether the dossier can be sent by post (qua bưu điện); null where the file does not say.</summary>
    public string? Post { get; init; }

    /// <summary>How to file online, step by step; required where <see cref="OnlineSubmission.Available"/> is true.</summary>
    public OnlineGuide? OnlineGuide { get; init; }

    /// <summary>A fee counted by pages (chứng thực bản sao); null where the fee does not depend on a number.</summary>
    public PageFee? PageFee { get; init; }
}

/// <summary>
/// A fee per page: <paramref name="FirstPagePrice"/> for each of the first <paramref name="FirstPages"/> pages,
/// <paramref name="LaterPagePrice"/> for each page after, at most <paramref name="MaxPerCopy"/> per copy (đồng).
/// </summary>
public sealed record PageFee(int FirstPages, int FirstPagePrice, int LaterPagePrice, int MaxPerCopy)
{
    public int ForPages(int pages) =>
        pages <= 0 ? 0 : Math.Min(MaxPerCopy, (Math.Min(pages, FirstPages) * FirstPagePrice) + (Math.Max(0, pages - FirstPages) * LaterPagePrice));
}

/// <summary>
/// Who receives a procedure's dossiers in the commune. Pre-registration is offered only where this is confirmed;
/// the places and hours of each live in configuration.
/// </summary>
public enum ProcedureHandler
{
    /// <summary>The one-stop desk (bộ phận một cửa) of the commune.</summary>
    OneStopDesk,

    /// <summary>Công an xã (residence, citizen ID).</summary>
    CommunePolice,

    /// <summary>Ban Chỉ huy quân sự xã (military service).</summary>
    CommuneMilitary,

    /// <summary>Not confirmed, or filed outside the commune: the resident is told where to ask instead.</summary>
    Unconfirmed,
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

/// <summary>
/// Filing online for a slow reader on a phone: <paramref name="App"/> (VNeID, dichvucong.gov.vn) and the account it
/// needs, the papers to <paramref name="Photograph"/> beforehand, short numbered <paramref name="Steps"/>, and what
/// happens <paramref name="After"/> sending. Only steps the office's facts confirm: menu paths change.
/// </summary>
public sealed record OnlineGuide(string App, IReadOnlyList<string> Photograph, IReadOnlyList<string> Steps, string After);
