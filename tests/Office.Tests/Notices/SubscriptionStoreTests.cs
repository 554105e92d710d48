using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>What every storage engine's store must do; <see cref="LiteDbSubscriptionStoreTests"/> runs it on LiteDB.</summary>
public abstract class SubscriptionStoreContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private ISubscriptionStore Store => Get<ISubscriptionStore>();

    [Fact]
    public void Subscribe_keeps_the_reference_and_resubscribing_changes_the_village()
    {
        var chat = NoticeTestHost.Chat("u1");
        Store.Subscribe(chat, "Thôn 2");
        Store.Subscribe(chat, null);

        var found = Store.Find(chat);
        Assert.NotNull(found);
        Assert.Null(found.Village);
        Assert.Equal(chat, found.Chat);
        Assert.Equal(1, Store.Count());
        Assert.True(Store.IsSubscribed(chat));
    }

    [Fact]
    public void Unsubscribe_removes_the_chat_and_says_whether_it_was_subscribed()
    {
        var chat = NoticeTestHost.Chat("u1");
        Store.Subscribe(chat, null);

        Assert.True(Store.Unsubscribe(chat));
        Assert.False(Store.Unsubscribe(chat));
        Assert.False(Store.IsSubscribed(chat));
    }

    [Fact]
    public void A_chat_is_asked_once()
    {
        var chat = NoticeTestHost.Chat("u1");
        Assert.True(Store.TryMarkAsked(chat));
        Assert.False(Store.TryMarkAsked(chat));
        Assert.True(Store.TryMarkAsked(NoticeTestHost.Chat("u1", "zalo")));
    }

    [Theory]
    [InlineData(null, 6)]
    [InlineData("Thôn 2", 5)]
    [InlineData("Thôn 3", 4)]
    [InlineData("Thôn 1", 3)]
    public void The_audience_of_a_village_includes_those_who_take_every_village(string? village, int expected)
    {
        Store.Subscribe(NoticeTestHost.Chat("all-1"), null);
        Store.Subscribe(NoticeTestHost.Chat("all-2", "zalo"), null);
        Store.Subscribe(NoticeTestHost.Chat("adot-1"), "Thôn 2");
        Store.Subscribe(NoticeTestHost.Chat("adot-2"), "Thôn 2");
        Store.Subscribe(NoticeTestHost.Chat("palai-1"), "Thôn 3");
        Store.Subscribe(NoticeTestHost.Chat("gone"), "Thôn 3");
        Store.Subscribe(NoticeTestHost.Chat("late"), null);
        Store.Unsubscribe(NoticeTestHost.Chat("gone"));

        var audience = Store.AudiencePage(village, after: null, pageSize: 100);

        Assert.Equal(expected, audience.Count);
        Assert.Equal(expected, audience.Select(s => s.Id).Distinct().Count());
        Assert.All(audience, s => Assert.True(village is null || s.Village is null || s.Village == village));
        Assert.Equal(expected, Store.CountAudience(village));
    }

    [Fact]
    public void Audience_pages_follow_the_key_order_without_gaps()
    {
        for (var i = 0; i < 25; i++)
        {
            Store.Subscribe(NoticeTestHost.Chat($"u{i:D2}"), i % 2 == 0 ? null : "Thôn 2");
        }

        var first = Store.AudiencePage("Thôn 2", after: null, pageSize: 10);
        var second = Store.AudiencePage("Thôn 2", after: first[^1].Id, pageSize: 10);
        var third = Store.AudiencePage("Thôn 2", after: second[^1].Id, pageSize: 10);

        var ids = first.Concat(second).Concat(third).Select(s => s.Id).ToList();
        Assert.Equal(25, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(5, third.Count);
    }
}

public sealed class LiteDbSubscriptionStoreTests : SubscriptionStoreContract<LiteDbStores>;
