using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Channels;

/// <summary>The channels' API tokens in the office database, one document per channel.</summary>
public sealed class ChannelTokenStore(OfficeDatabase database) : IChannelTokenStore
{
    public const string CollectionName = "channel_tokens";

    public ChannelTokens? Find(string channel) =>
        database.Collection<ChannelTokens>(CollectionName).FindById(channel);

    /// <summary>Stores the pair, replacing the channel's previous one.</summary>
    public void Save(ChannelTokens tokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokens.Id);
        database.Collection<ChannelTokens>(CollectionName).Upsert(tokens);
    }
}
