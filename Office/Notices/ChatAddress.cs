using LiteDB;

namespace OneStopBot.Office.Notices;

/// <summary>
/// Where a chat can be reached later: its channel, its user and the channel's conversation reference, kept as the
/// JSON the Bot Framework serialises it to, so that the office's records stay free of channel types.
/// </summary>
public sealed record ChatAddress(string ChannelId, string UserId, string Reference)
{
    /// <summary>One key per chat; channel ids never contain '/'.</summary>
    [BsonIgnore]
    public string Key => ChannelId + "/" + UserId;
}
