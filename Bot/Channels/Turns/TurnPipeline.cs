using Microsoft.Bot.Builder;

namespace OneStopBot.Bot.Channels.Turns;

/// <summary>
/// What every channel adapter runs around a turn, so that no channel can forget a piece: one turn at a time per
/// conversation, the text cut to its limit, and the same answer when a turn fails.
/// </summary>
public sealed class TurnPipeline(ConversationTurns conversationTurns, IncomingTextLimit textLimit, TurnErrorHandler errorHandler)
{
    public void Attach(BotAdapter adapter)
    {
        adapter.OnTurnError = errorHandler.HandleAsync;
        adapter.Use(conversationTurns);
        adapter.Use(textLimit);
    }
}
