using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OneStopBot.Bot.Channels;

/// <summary>A channel that can reach a stored conversation without the user writing first.</summary>
public interface IProactiveChannel
{
    /// <summary>Whether this channel owns the conversation the reference points at.</summary>
    bool CanReach(ConversationReference reference);

    Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}
