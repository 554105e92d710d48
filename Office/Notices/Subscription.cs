using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>A chat that receives the commune's notices: of one village, or of every village when <see cref="Village"/> is null.</summary>
public sealed record Subscription : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    /// <summary><see cref="ChatAddress.Key"/> of the chat.</summary>
    public required string Id { get; init; }

    public required ChatAddress Chat { get; init; }

    public string? Village { get; init; }

    public DateTimeOffset SubscribedAt { get; init; }
}
