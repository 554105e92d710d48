using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>What a proactive message is for.</summary>
public enum DeliveryKind
{
    Broadcast,
    StatusChange,
    RatingRequest,
    StaffForward,
    StaffReply,
    DeliveryReport,
    /// <summary>A reply of a turn run from the inbox, kept until its channel has accepted it.</summary>
    TurnReply,
    /// <summary>A reminder the resident gets before a deadline, a visit, or for missing papers.</summary>
    Reminder,
}

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>One proactive message in the outbox, to one chat.</summary>
public sealed record Delivery : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public long Id { get; init; }

    public DeliveryKind Kind { get; init; }

    /// <summary>The broadcast this delivery belongs to; null for other kinds.</summary>
    public int? NoticeId { get; init; }

    /// <summary>The chat it goes to.</summary>
    public required ChatAddress To { get; init; }

    public required string Text { get; init; }

    /// <summary>Buttons offered under the message.</summary>
    public string[] Actions { get; init; } = [];

    public DeliveryState State { get; init; }

    public int Attempts { get; init; }

    /// <summary>When the next attempt is due; set only while <see cref="DeliveryState.Pending"/>, which keeps the index small.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>A message to put in the outbox.</summary>
public sealed record OutboxMessage(DeliveryKind Kind, ChatAddress To, string Text, IReadOnlyList<string>? Actions = null)
{
    /// <summary>When the outbox may send it at the earliest; now when null.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>
    /// A reply to a chat that has not said its commune yet (the question which one): stored as no commune's, so no
    /// commune's staff see it, rather than as one the resident may not live in.
    /// </summary>
    public bool BeforeCommune { get; init; }
}
