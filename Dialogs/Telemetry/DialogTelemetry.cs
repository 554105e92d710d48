using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Messages;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Telemetry;

/// <summary>
/// What the dialogs tell the host's traces and metrics, so staff can see where residents get lost: a span per
/// waterfall step, and counts of message turns, of how sure the understanding was, and of messages that fell back.
/// Only dialog ids, step names, bands, reasons and channels are recorded: never a message's text, a name, a number or
/// an id that points at a resident.
/// </summary>
public sealed class DialogTelemetry
{
    /// <summary>The name of the activity source and of the meter; the host collects every source under "OneStopBot.".</summary>
    public const string Name = "OneStopBot.Dialogs";

    public const string StepSpan = "dialog.step";
    public const string TurnsCounter = "onestopbot.dialog.turns";
    public const string ReadingsCounter = "onestopbot.understanding.readings";
    public const string FallbacksCounter = "onestopbot.dialog.fallbacks";

    public const string DialogTag = "dialog.id";
    public const string StepTag = "dialog.step";
    public const string ChannelTag = "channel";
    public const string BandTag = "understanding.band";
    public const string IntentTag = "understanding.intent";
    public const string ReasonTag = "fallback.reason";

    /// <summary>Channel ids kept as they are; any other (a client may send any) is counted as <see cref="OtherChannel"/>.</summary>
    private static readonly FrozenSet<string> KnownChannels = FrozenSet.ToFrozenSet(
        ["webchat", "directline", "emulator", "msteams", "zalo", "console", "facebook", "telegram", "test"], StringComparer.Ordinal);

    public const string OtherChannel = "other";

    // The evaluation contract's names ("ask", "none"), made once rather than per message.
    private static readonly FrozenDictionary<Intent, string> IntentNames =
        Enum.GetValues<Intent>().ToFrozenDictionary(intent => intent, intent => JsonSerializer.Serialize(intent).Trim('"'));

    internal static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> turns;
    private readonly Counter<long> readings;
    private readonly Counter<long> fallbacks;

    public DialogTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        turns = meter.CreateCounter<long>(TurnsCounter, "{message}", "Messages the conversation ran, by channel.");
        readings = meter.CreateCounter<long>(ReadingsCounter, "{message}", "Messages read by the understanding, by how sure it was (high, medium, low, none) and intent.");
        fallbacks = meter.CreateCounter<long>(FallbacksCounter, "{message}", "Messages that fell back: not understood, not covered by the procedure files, or leaving a dialog unfinished (with the dialog and its step).");
    }

    /// <summary>A span for one waterfall step; null when nothing listens, so an unobserved turn builds no name.</summary>
    internal static Activity? StartStep(string dialogId, string step, ITurnContext turn)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        return Source.StartActivity(ActivityKind.Internal, name: $"{StepSpan} {dialogId}.{step}", tags:
        [
            new(DialogTag, dialogId),
            new(StepTag, step),
            new(ChannelTag, ChannelOf(turn)),
        ]);
    }

    /// <summary>A message turn run by the conversation.</summary>
    public void Turn(ITurnContext turn) => turns.Add(1, new KeyValuePair<string, object?>(ChannelTag, ChannelOf(turn)));

    /// <summary>A message the understanding read (buttons, codes and menu labels are exact and not counted).</summary>
    public void Read(MessageReading reading) =>
        readings.Add(1, new KeyValuePair<string, object?>(BandTag, BandOf(reading)), new KeyValuePair<string, object?>(IntentTag, IntentOf(reading.Intent)));

    /// <summary>A message answered with "not understood" or "not covered", or one that left a dialog unfinished.</summary>
    public void FellBack(FallbackReason reason, ITurnContext turn, string? dialogId = null, string? step = null)
    {
        var tags = new TagList
        {
            { ReasonTag, ReasonOf(reason) },
            { ChannelTag, ChannelOf(turn) },
        };
        if (dialogId is not null)
        {
            tags.Add(DialogTag, dialogId);
        }
        if (step is not null)
        {
            tags.Add(StepTag, step);
        }
        fallbacks.Add(1, tags);
    }

    /// <summary>
    /// The four bands staff read: high (answered), medium ("Có phải …?"), low (the understanding missed, search or the
    /// procedure in context gave a guess), none (nothing recognised). A refusal of the bot's own offer is understood.
    /// </summary>
    private static string BandOf(MessageReading reading) => reading switch
    {
        { Searched: true } or { Unsure: true } => "low",
        { Refusal: not Refusal.None } or { Band: ConfidenceBand.Answer } => "high",
        { Band: ConfidenceBand.Confirm } => "medium",
        _ => "none",
    };

    private static string IntentOf(Intent intent) => IntentNames[intent];

    private static string ReasonOf(FallbackReason reason) => reason switch
    {
        FallbackReason.NotUnderstood => "not_understood",
        FallbackReason.NotCovered => "not_covered",
        _ => "left_dialog",
    };

    private static string ChannelOf(ITurnContext turn) => ChannelName(turn.Activity?.ChannelId);

    /// <summary>A channel id as metrics name it: a known channel's own id, any other <see cref="OtherChannel"/>.</summary>
    public static string ChannelName(string? channelId) =>
        channelId is not null && KnownChannels.Contains(channelId) ? channelId : OtherChannel;
}

/// <summary>Why a message fell back.</summary>
public enum FallbackReason
{
    /// <summary>Nothing fitted: "em chưa hiểu", a person offered, the question kept for staff.</summary>
    NotUnderstood,

    /// <summary>Understood, but the procedure files do not cover it.</summary>
    NotCovered,

    /// <summary>The resident stopped or turned away from a dialog before it ended.</summary>
    LeftDialog,
}
