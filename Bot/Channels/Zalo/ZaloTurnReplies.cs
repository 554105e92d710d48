using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// What a turn run from the inbox says, held in the turn's state instead of sent: the texts exactly as Zalo is to
/// receive them (choices numbered, long ones split), to go to the outbox when the turn's event is marked done.
/// </summary>
public sealed class ZaloTurnReplies(ChatAddress to)
{
    private readonly List<string> texts = [];

    public ChatAddress To { get; } = to;

    public IReadOnlyList<string> Texts => texts;

    public void Add(string text) => texts.Add(text);

    /// <summary>The outbox rows, left to the turn's own sending until <paramref name="heldUntil"/>.</summary>
    public IReadOnlyList<OutboxMessage> ToOutbox(DateTimeOffset heldUntil) =>
        [.. texts.Select(text => new OutboxMessage(DeliveryKind.TurnReply, To, text) { DueAt = heldUntil })];
}
