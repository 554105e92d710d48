using OneStopBot.Office.Channels;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;

namespace OneStopBot.Office.Tests.Channels;

/// <summary>What every storage engine's token store must do; <see cref="LiteDbChannelTokenStoreTests"/> runs it on LiteDB.</summary>
public abstract class ChannelTokenStoreContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private IChannelTokenStore Store => Get<IChannelTokenStore>();

    [Fact]
    public void Nothing_is_found_before_anything_is_saved() => Assert.Null(Store.Find("zalo"));

    [Fact]
    public void A_saved_pair_replaces_the_previous_one_and_keeps_its_time_in_utc()
    {
        Store.Save(new ChannelTokens("zalo", "access-1", "refresh-1", Noon));
        Store.Save(new ChannelTokens("zalo", "access-2", "refresh-2", Noon.AddHours(25)));
        Store.Save(new ChannelTokens("other", "access-x", "refresh-x", Noon));

        var tokens = Store.Find("zalo");
        Assert.Equal(new ChannelTokens("zalo", "access-2", "refresh-2", Noon.AddHours(25)), tokens);
        Assert.Equal(TimeSpan.Zero, tokens!.UpdatedAt.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_pair_without_a_channel_is_refused(string channel) =>
        Assert.Throws<ArgumentException>(() => Store.Save(new ChannelTokens(channel, "a", "r", Noon)));
}

public sealed class LiteDbChannelTokenStoreTests : ChannelTokenStoreContract<LiteDbStores>;

/// <summary>LiteDB's own promise: a saved pair is still there after the database is closed and opened again.</summary>
public sealed class ChannelTokenStoreRestartTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "onestop-office-tests", Guid.NewGuid().ToString("N"));

    private OfficeDatabase Open() =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = Path.Combine(directory, "onestop.db") }), []);

    [Fact]
    public void A_saved_pair_survives_a_restart()
    {
        using (var database = Open())
        {
            new ChannelTokenStore(database).Save(new ChannelTokens("zalo", "access-2", "refresh-2", Noon));
        }

        using var reopened = Open();
        Assert.Equal(new ChannelTokens("zalo", "access-2", "refresh-2", Noon), new ChannelTokenStore(reopened).Find("zalo"));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
