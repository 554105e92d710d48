using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>"Góp ý": anything a resident wants to tell the office, at any time.</summary>
public sealed record Feedback : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public int Id { get; init; }

    public required string ChannelId { get; init; }

    public required string UserId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset GivenAt { get; init; }
}
