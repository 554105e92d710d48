using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// What a turn run from the inbox says, held in the turn's state instead of sent: the texts exactly as Zalo is to
/// receive them (choices numbered, long ones split), to go to the outbox when the turn's event is marked done.
/// </summary>
public sealed class ZaloTurnReplies(ChatAddress to, Commune? commune)
{
    private readonly List<string> texts = [];

    public ChatAddress To { get; } = to;

    /// <summary>
    /// The commune the turn acted for, whose records the replies are: the one current when the bot spoke; null when the
    /// resident had not said theirs (the replies ask it), and the replies are then no commune's.
    /// </summary>
    public Commune? Commune { get; set; } = commune;

    public IReadOnlyList<string> Texts => texts;

    public void Add(string text) => texts.Add(text);

    /// <summary>The outbox rows, left to the turn's own sending until <paramref name="heldUntil"/>.</summary>
    public IReadOnlyList<OutboxMessage> ToOutbox(DateTimeOffset heldUntil) =>
        [.. texts.Select(text => new OutboxMessage(DeliveryKind.TurnReply, To, text) { DueAt = heldUntil, BeforeCommune = Commune is null })];
}
