namespace OneStopBot.Office.Channels;

public enum InboxState
{
    /// <summary>Its turn has not finished yet (waiting, running, or waiting to be tried again).</summary>
    Pending,

    /// <summary>Its turn ran and the replies are in the outbox.</summary>
    Done,

    /// <summary>Its turn failed too often; kept for staff to look at, never tried again.</summary>
    Parked,
}

/// <summary>
/// One event a channel delivered by webhook, kept from before the webhook is answered until its turn's replies are in
/// the outbox. <see cref="Id"/> counts up in arrival order.
/// </summary>
public sealed record InboxEvent
{
    public long Id { get; init; }

    public required string Channel { get; init; }

    /// <summary>The channel's id of the event (Zalo's <c>msg_id</c>), unique per channel: a redelivery has the same.</summary>
    public required string MessageId { get; init; }

    /// <summary>Who sent it: a sender's events run one at a time, in arrival order.</summary>
    public required string Sender { get; init; }

    /// <summary>The event as the channel sent it.</summary>
    public required string Body { get; init; }

    public InboxState State { get; init; }

    /// <summary>Failed runs so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When it may run; set only while <see cref="InboxState.Pending"/>, which keeps the index small.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it was marked done or parked.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>An event to put in the inbox.</summary>
public sealed record IncomingEvent(string Channel, string MessageId, string Sender, string Body);
