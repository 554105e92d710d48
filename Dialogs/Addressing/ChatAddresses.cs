using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Addressing;

/// <summary>
/// The one place where the Bot Framework's conversation references become the office's chat addresses and back: the
/// office keeps what a proactive message needs, and channels get a reference with the same conversation, user and bot.
/// </summary>
public static class ChatAddresses
{
    public static ChatAddress ToChatAddress(this ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ChatAddress(reference.ChannelId ?? string.Empty, reference.User?.Id ?? string.Empty, reference.Conversation?.Id ?? string.Empty)
        {
            ServiceUrl = NullIfEmpty(reference.ServiceUrl),
            BotId = NullIfEmpty(reference.Bot?.Id),
            TenantId = NullIfEmpty(reference.Conversation?.TenantId),
        };
    }

    /// <summary>The address of the chat a turn belongs to, to subscribe it, file a dossier from it or answer it later.</summary>
    public static ChatAddress ChatAddress(this ITurnContext turnContext) =>
        turnContext.Activity.GetConversationReference().ToChatAddress();

    /// <summary>
    /// Whether the activity is the continuation of a stored reference (a notice, a status change, a reply from staff)
    /// rather than something the chat sent: no one typed it, and it may run inside a turn of the same conversation.
    /// </summary>
    public static bool IsContinuation(this Activity activity) =>
        activity is { Type: ActivityTypes.Event, Name: ActivityEventNames.ContinueConversation };

    /// <summary>A reference a channel can continue the conversation with.</summary>
    /// <exception cref="ArgumentException">The address has no conversation (a record kept from an unreadable reference).</exception>
    public static ConversationReference ToConversationReference(this ChatAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.ConversationId.Length == 0)
        {
            throw new ArgumentException("The chat address has no conversation.", nameof(address));
        }
        return new ConversationReference
        {
            ChannelId = address.ChannelId,
            ServiceUrl = address.ServiceUrl,
            User = new ChannelAccount(address.UserId),
            Bot = address.BotId is null ? null : new ChannelAccount(address.BotId),
            Conversation = new ConversationAccount(id: address.ConversationId, tenantId: address.TenantId),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
