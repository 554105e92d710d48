using Microsoft.Extensions.Options;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Channels;

public sealed class ChannelTokenStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "onestop-office-tests", Guid.NewGuid().ToString("N"));

    private OfficeDatabase Open() =>
        new(Options.Create(new StorageOptions { DatabasePath = Path.Combine(directory, "onestop.db") }), []);

    [Fact]
    public void Nothing_is_found_before_anything_is_saved()
    {
        using var database = Open();
        Assert.Null(new ChannelTokenStore(database).Find("zalo"));
    }

    [Fact]
    public void A_saved_pair_replaces_the_previous_one_and_survives_a_restart()
    {
        using (var database = Open())
        {
            var store = new ChannelTokenStore(database);
            store.Save(new ChannelTokens("zalo", "access-1", "refresh-1", Noon));
            store.Save(new ChannelTokens("zalo", "access-2", "refresh-2", Noon.AddHours(25)));
            store.Save(new ChannelTokens("other", "access-x", "refresh-x", Noon));
        }

        using var reopened = Open();
        var tokens = new ChannelTokenStore(reopened).Find("zalo");
        Assert.Equal(new ChannelTokens("zalo", "access-2", "refresh-2", Noon.AddHours(25)), tokens);
        Assert.Equal(TimeSpan.Zero, tokens!.UpdatedAt.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_pair_without_a_channel_is_refused(string channel)
    {
        using var database = Open();
        Assert.Throws<ArgumentException>(() => new ChannelTokenStore(database).Save(new ChannelTokens(channel, "a", "r", Noon)));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
