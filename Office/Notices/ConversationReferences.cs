using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace OneStopBot.Office.Notices;

/// <summary>Conversation references to and from the JSON the office's records keep.</summary>
public static class ConversationReferences
{
    public static ChatAddress ToChatAddress(this ConversationReference reference) =>
        new(reference.ChannelId ?? string.Empty, reference.User?.Id ?? string.Empty, JsonConvert.SerializeObject(reference));

    /// <summary>The address of the chat a turn belongs to, to subscribe it or answer it later.</summary>
    public static ChatAddress ChatAddress(this ITurnContext turnContext) =>
        turnContext.Activity.GetConversationReference().ToChatAddress();

    /// <exception cref="JsonException">The text is not a conversation reference.</exception>
    public static ConversationReference Parse(string json) =>
        JsonConvert.DeserializeObject<ConversationReference>(json) is { Conversation: not null } reference
            ? reference
            : throw new JsonSerializationException("The text is not a conversation reference.");
}
