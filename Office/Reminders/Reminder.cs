using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Reminders;

/// <summary>What a reminder is about.</summary>
public enum ReminderKind
{
    /// <summary>A time limit the resident asked to be reminded of (khai sinh within 60 days…).</summary>
    Deadline,

    /// <summary>The day before a pre-registered visit.</summary>
    Visit,

    /// <summary>A dossier waiting for the resident's missing papers.</summary>
    Supplement,
}

public enum ReminderState
{
    /// <summary>Waiting for its time.</summary>
    Scheduled,

    /// <summary>Its message is in the outbox; never queued again.</summary>
    Queued,

    /// <summary>Stopped by the resident, or no longer true (the dossier moved on, the day passed): never sent.</summary>
    Dropped,
}

/// <summary>
/// One reminder to one chat. <see cref="Id"/> is its key (what it is about and when), so scheduling the same
/// reminder twice keeps one.
/// </summary>
public sealed record Reminder : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public required string Id { get; init; }

    public ReminderKind Kind { get; init; }

    public required ChatAddress To { get; init; }

    /// <summary><see cref="ChatAddress.ChatKey"/> of <see cref="To"/>: whose reminder it is.</summary>
    public required string Owner { get; init; }

    public required string Text { get; init; }

    public string[] Actions { get; init; } = [];

    /// <summary>When it may be sent at the earliest; quiet hours hold it further.</summary>
    public DateTimeOffset SendAt { get; init; }

    /// <summary>After this it is of no use and is dropped unsent; null: it stays useful.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The dossier it is about; sent only while the dossier is still in <see cref="WhileStatus"/> since <see cref="StatusSince"/>.</summary>
    public string? DossierCode { get; init; }

    public DossierStatus? WhileStatus { get; init; }

    public DateTimeOffset? StatusSince { get; init; }

    public ReminderState State { get; init; }

    /// <summary>The outbox row that carries it, once queued.</summary>
    public long? DeliveryId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A chat that said "dừng nhắc": no reminder is scheduled for it until it asks for one again.</summary>
public sealed record ReminderOptOut
{
    /// <summary>The chat's <see cref="ChatAddress.ChatKey"/>.</summary>
    public required string Id { get; init; }

    public DateTimeOffset At { get; init; }
}
