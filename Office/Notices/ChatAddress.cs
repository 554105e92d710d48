using LiteDB;

namespace OneStopBot.Office.Notices;

/// <summary>
/// Where a chat can be reached later, in the office's own terms: what a proactive message needs (channel,
/// conversation, user, the channel's service address, the bot's account and the tenant) and nothing of any channel
/// SDK's types. The host converts it to and from its channels' references.
/// </summary>
public sealed record ChatAddress(string ChannelId, string UserId, string ConversationId)
{
    /// <summary>The channel's service address for replies, when the channel has one (Bot Framework Connector).</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The bot's account on the channel, to send as.</summary>
    public string? BotId { get; init; }

    public string? TenantId { get; init; }

    /// <summary>One key per chat; channel ids never contain '/'.</summary>
    [BsonIgnore]
    public string Key => ChannelId + "/" + UserId;

    /// <summary>Whether <paramref name="other"/> is the same resident's chat (channel ids compare in any case).</summary>
    public bool IsSameChat(ChatAddress other) =>
        string.Equals(ChannelId, other.ChannelId, StringComparison.OrdinalIgnoreCase) && UserId == other.UserId;

    /// <summary>
    /// The key that finds the records a chat filed (its dossiers) whatever the case its channel id arrives in, as
    /// <see cref="IsSameChat"/> compares: the channel id in lower case, '|', the user id. (<see cref="Key"/> stays the
    /// id of the records already stored under it.)
    /// </summary>
    public static string ChatKey(string channelId, string userId) => channelId.ToLowerInvariant() + "|" + userId;

    /// <summary>
    /// <see cref="ChatKey"/> as a LiteDB expression over an address stored at <paramref name="path"/> (e.g.
    /// <c>$.Owner</c>): an index is computed by the database from the stored document, so the key must be written in
    /// its language too; this is the one definition of both, kept side by side.
    /// </summary>
    public static string ChatKeyExpression(string path) => $"LOWER({path}.{nameof(ChannelId)}) + '|' + {path}.{nameof(UserId)}";
}
