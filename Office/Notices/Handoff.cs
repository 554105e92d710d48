using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>A resident's question forwarded to staff ("Gặp cán bộ"); staff answer it with <c>/traloi REF text</c>.</summary>
public sealed record Handoff : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    /// <summary>The short reference staff quote, e.g. "H7K2".</summary>
    public required string Id { get; init; }

    public required ChatAddress Resident { get; init; }

    public required string Question { get; init; }

    public DateTimeOffset AskedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public string? AnsweredBy { get; init; }

    /// <summary>When a staff member closed the conversation; the resident's later messages are no longer kept for it.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }
}

/// <summary>
/// One message of a handoff's conversation after the question: a staff reply (<see cref="StaffName"/> set) or the
/// resident's next message, numbers masked. <see cref="Id"/> grows, so a page asks for the messages after the last it has.
/// </summary>
public sealed record HandoffMessage : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public long Id { get; init; }

    public required string HandoffId { get; init; }

    public string? StaffName { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>A staff member's chat, remembered when they write to the bot, so forwarded questions can reach them.</summary>
public sealed record StaffChat : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    /// <summary><see cref="ChatAddress.Key"/> of the chat.</summary>
    public required string Id { get; init; }

    public required ChatAddress Address { get; init; }

    public DateTimeOffset SeenAt { get; init; }
}
