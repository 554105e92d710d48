using System.Diagnostics.Metrics;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Notices;

/// <summary>
/// What the outbox tells the host's metrics, per host: each send attempt's outcome, and how long a message waited
/// between being due and its channel accepting it (the outbox's lag). Only channels, kinds and outcomes are recorded.
/// </summary>
public sealed class OutboxTelemetry
{
    /// <summary>The meter's name; the host collects every meter under "OneStopBot.".</summary>
    public const string Name = "OneStopBot.Outbox";

    public const string AttemptsCounter = "onestopbot.outbox.attempts";
    public const string LagHistogram = "onestopbot.outbox.lag";

    public const string ChannelTag = "channel";
    public const string KindTag = "delivery.kind";
    public const string OutcomeTag = "delivery.outcome";

    /// <summary>The outcomes of an attempt: accepted by the channel, to be tried again later, failed for good.</summary>
    public const string Sent = "sent", Retry = "retry", Failed = "failed";

    private readonly Counter<long> attempts;
    private readonly Histogram<double> lag;

    public OutboxTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        attempts = meter.CreateCounter<long>(AttemptsCounter, "{attempt}", "Outbox send attempts, by channel, kind and outcome (sent, retry, failed).");
        lag = meter.CreateHistogram<double>(LagHistogram, "s", "Time from a message being due to its channel accepting it, by channel and kind.");
    }

    /// <summary>The channel accepted <paramref name="row"/> at <paramref name="at"/>.</summary>
    public void Accepted(Delivery row, DateTimeOffset at)
    {
        var due = row.DueAt ?? row.CreatedAt;
        attempts.Add(1, Channel(row), Kind(row), new(OutcomeTag, Sent));
        lag.Record(Math.Max(0, (at - due).TotalSeconds), Channel(row), Kind(row));
    }

    /// <summary>An attempt at <paramref name="row"/> failed; <paramref name="willRetry"/> when it is tried again later.</summary>
    public void NotAccepted(Delivery row, bool willRetry) =>
        attempts.Add(1, Channel(row), Kind(row), new(OutcomeTag, willRetry ? Retry : Failed));

    private static KeyValuePair<string, object?> Channel(Delivery row) => new(ChannelTag, DialogTelemetry.ChannelName(row.To.ChannelId));

    private static KeyValuePair<string, object?> Kind(Delivery row) => new(KindTag, row.Kind.ToString());
}
