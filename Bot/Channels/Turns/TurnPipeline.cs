using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Bot.Channels.Turns;

/// <summary>
/// What every channel adapter runs around a turn, so that no channel can forget a piece: one turn at a time per
/// conversation, the text cut to its limit, lines written as the channel shows them, and the same answer when a turn fails.
/// </summary>
public sealed class TurnPipeline(ConversationTurns conversationTurns, IncomingTextLimit textLimit, ChannelLines lines, TurnErrorHandler errorHandler)
{
    public void Attach(BotAdapter adapter)
    {
        adapter.OnTurnError = errorHandler.HandleAsync;
        adapter.Use(conversationTurns);
        // Before the text limit, whose notice is a message too.
        adapter.Use(lines);
        adapter.Use(textLimit);
    }
}
