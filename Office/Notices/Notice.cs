using LiteDB;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>
/// A broadcast from the office. It is fanned out into one <see cref="Delivery"/> per subscriber page by page;
/// the counters change in the same transaction as the deliveries, so they are always exact.
/// </summary>
public sealed record Notice : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public int Id { get; init; }

    public required string Text { get; init; }

    /// <summary>The audience: one village, or every subscriber when null.</summary>
    public string? Village { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The staff chat that gets a delivery report when every delivery has finished, if sent from chat.</summary>
    public ChatAddress? ReportTo { get; init; }

    /// <summary>The last subscription enqueued; fan-out resumes after it.</summary>
    public string? AudienceCursor { get; init; }

    public bool FannedOut { get; init; }

    public int Pending { get; init; }

    public int Sent { get; init; }

    public int Failed { get; init; }

    public bool ReportQueued { get; init; }

    [BsonIgnore]
    public bool IsFinished => FannedOut && Pending == 0;
}
