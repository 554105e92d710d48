using Microsoft.Bot.Builder;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Channels;

/// <summary>
/// What every channel adapter does when a turn throws: log and apologise. The conversation's saved state is what it
/// was before the failed turn (state is saved at the end of a turn), so it is kept: the resident continues where
/// they were. Only state that can no longer be read is deleted, as no later turn could use it either.
/// </summary>
public sealed class TurnErrorHandler(ConversationState conversationState, ILogger<TurnErrorHandler> logger)
{
    public const string Apology =
        "Xin lỗi anh/chị, hệ thống vừa gặp lỗi. Anh/chị vui lòng gõ lại hoặc chọn \"Trang chủ\" để bắt đầu lại.";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        logger.LogError(exception, "Turn failed on channel {Channel}, conversation {Conversation}",
            turnContext.Activity.ChannelId, Masking.Identifier(turnContext.Activity.Conversation?.Id));
        try
        {
            await turnContext.SendActivityAsync(Apology);
        }
        catch (Exception sendException)
        {
            logger.LogError(sendException, "Could not apologise after a failed turn");
        }
        await DeleteStateIfUnreadableAsync(turnContext);
    }

    private async Task DeleteStateIfUnreadableAsync(ITurnContext turnContext)
    {
        if (turnContext.Activity.Conversation?.Id is null || turnContext.Activity.ChannelId is null)
        {
            return;
        }
        try
        {
            await conversationState.LoadAsync(turnContext, force: true);
            return;
        }
        catch (Exception readException)
        {
            logger.LogWarning(readException, "The state of conversation {Conversation} is unreadable and is started afresh",
                turnContext.Activity.Conversation.Id);
        }
        try
        {
            await conversationState.DeleteAsync(turnContext);
        }
        catch (Exception deleteException)
        {
            logger.LogError(deleteException, "Could not delete the unreadable state of conversation {Conversation}",
                turnContext.Activity.Conversation.Id);
        }
    }
}
