using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ExpiringCacheTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_is_taken_once_until_it_expires()
    {
        var cache = new ExpiringCache<string, bool>(10, TimeSpan.FromMinutes(10), time);

        Assert.True(cache.TryAdd("msg-1", true));
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(cache.TryAdd("msg-1", true));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(cache.TryAdd("msg-1", true));
    }

    [Fact]
    public void The_oldest_entries_go_first_when_full()
    {
        var cache = new ExpiringCache<int, string>(3, TimeSpan.FromHours(1), time);
        foreach (var i in Enumerable.Range(1, 5))
        {
            cache.Set(i, $"v{i}");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(3, out var three));
        Assert.Equal("v3", three);
    }

    [Fact]
    public void Setting_again_replaces_the_value_and_starts_a_new_lifetime()
    {
        var cache = new ExpiringCache<string, int>(10, TimeSpan.FromMinutes(10), time);
        cache.Set("u", 1);
        time.Advance(TimeSpan.FromMinutes(8));
        cache.Set("u", 2);
        time.Advance(TimeSpan.FromMinutes(8));

        Assert.True(cache.TryGet("u", out var value));
        Assert.Equal(2, value);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(cache.TryGet("u", out _));
    }

    [Fact]
    public void A_removed_key_can_be_added_again()
    {
        var cache = new ExpiringCache<string, bool>(10, TimeSpan.FromMinutes(10), time);
        cache.TryAdd("msg-1", true);

        cache.Remove("msg-1");

        Assert.Equal(0, cache.Count);
        Assert.True(cache.TryAdd("msg-1", true));
    }

    [Fact]
    public void A_flood_of_keys_never_grows_past_capacity()
    {
        var cache = new ExpiringCache<string, bool>(100, TimeSpan.FromDays(1), time);

        foreach (var i in Enumerable.Range(0, 10_000))
        {
            cache.TryAdd($"msg-{i}", true);
        }

        Assert.Equal(100, cache.Count);
        Assert.True(cache.TryGet("msg-9999", out _));
    }
}
