using Microsoft.Bot.Builder;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Channels;

/// <summary>What every channel adapter does when a turn throws: log, apologise, start the conversation afresh.</summary>
public sealed class TurnErrorHandler(ConversationState conversationState, ILogger<TurnErrorHandler> logger)
{
    public const string Apology =
        "Xin lỗi anh/chị, hệ thống vừa gặp lỗi. Anh/chị vui lòng gõ lại hoặc chọn \"Menu\" để bắt đầu lại.";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        logger.LogError(exception, "Turn failed on channel {Channel}, conversation {Conversation}",
            turnContext.Activity.ChannelId, Masking.Identifier(turnContext.Activity.Conversation?.Id));
        try
        {
            await turnContext.SendActivityAsync(Apology);
            // A half-finished dialog is what most likely failed: drop it so the next message starts clean.
            await conversationState.DeleteAsync(turnContext);
        }
        catch (Exception cleanupException)
        {
            logger.LogError(cleanupException, "Could not recover after a failed turn");
        }
    }
}
