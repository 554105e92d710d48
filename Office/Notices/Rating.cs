using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

public enum Satisfaction
{
    Satisfied,
    Neutral,
    Unsatisfied,
}

/// <summary>A resident's rating of the service, usually asked for when a dossier's result is returned.</summary>
public sealed record Rating : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public int Id { get; init; }

    public string? DossierCode { get; init; }

    public required string ChannelId { get; init; }

    public required string UserId { get; init; }

    public Satisfaction Score { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset RatedAt { get; init; }

    /// <summary>The office's calendar day of the rating, for the statistics.</summary>
    public DateOnly Day { get; init; }
}
