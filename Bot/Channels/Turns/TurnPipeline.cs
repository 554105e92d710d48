using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Communes;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Procedures;

namespace OneStopBot.Bot.Channels.Turns;

/// <summary>
/// What every channel adapter runs around a turn, so that no channel can forget a piece: one turn at a time per
/// conversation, the text cut to its limit, hard words explained, lines written as the channel shows them, the turn's
/// commune entered, and the same answer when a turn fails.
/// </summary>
public sealed class TurnPipeline(
    ConversationTurns conversationTurns, IncomingTextLimit textLimit, PlainWords words, MarkdownLinesMiddleware lines, CommuneTurns communeTurns, TurnErrorHandler errorHandler)
{
    public void Attach(BotAdapter adapter)
    {
        adapter.OnTurnError = errorHandler.HandleAsync;
        adapter.Use(conversationTurns);
        // Outgoing steps run in the order they are attached: words are explained before the text is written for
        // the channel, so the explanation is escaped and broken into lines too. Both come before the text limit,
        // whose notice is a message too.
        adapter.Use(words);
        adapter.Use(lines);
        adapter.Use(textLimit);
        // Last, so that the commune question is written for the channel like every reply and sees the text as cut.
        adapter.Use(communeTurns);
    }
}
