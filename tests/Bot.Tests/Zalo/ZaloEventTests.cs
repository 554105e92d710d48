using System.Text;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloEventTests
{
    [Theory]
    [InlineData("user_send_text", ZaloEventKind.Text)]
    [InlineData("follow", ZaloEventKind.Follow)]
    [InlineData("unfollow", ZaloEventKind.Unfollow)]
    [InlineData("user_send_image", ZaloEventKind.NonText)]
    [InlineData("user_send_sticker", ZaloEventKind.NonText)]
    [InlineData("user_send_location", ZaloEventKind.NonText)]
    [InlineData("user_send_business_card", ZaloEventKind.NonText)]
    [InlineData("oa_send_text", ZaloEventKind.Unknown)]
    [InlineData("user_received_message", ZaloEventKind.Unknown)]
    public void Event_names_map_to_kinds(string name, ZaloEventKind kind)
    {
        Assert.True(Parse($"{{\"event_name\":\"{name}\",\"timestamp\":\"1\",\"sender\":{{\"id\":\"7\"}}}}", out var zaloEvent));
        Assert.Equal(kind, zaloEvent!.Kind);
    }

    [Fact]
    public void Text_that_looks_like_a_date_or_a_number_reaches_the_bot_as_typed()
    {
        Assert.True(Parse("{\"event_name\":\"user_send_text\",\"timestamp\":1795694400000,\"sender\":{\"id\":123456789012345678901},"
            + "\"recipient\":{\"id\":\"42\"},\"message\":{\"msg_id\":\"m\",\"text\":\"2026-11-30T08:00:00\"}}", out var zaloEvent));

        Assert.Equal("2026-11-30T08:00:00", zaloEvent!.Text);
        Assert.Equal("123456789012345678901", zaloEvent.UserId);
        Assert.Equal("1795694400000", zaloEvent.Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), zaloEvent.OccurredAt);
    }

    [Fact]
    public void A_follow_names_the_follower_and_the_OA()
    {
        Assert.True(Parse("{\"oa_id\":\"579\",\"follower\":{\"id\":\"251\"},\"event_name\":\"follow\",\"timestamp\":\"99\"}", out var zaloEvent));

        Assert.Equal(("251", "579"), (zaloEvent!.UserId, zaloEvent.OaId));
        Assert.Equal("follow:251:99", zaloEvent.DeliveryKey);
    }

    [Theory]
    [InlineData("{\"event_name\":\"user_send_text\",\"timestamp\":\"x\"}")]
    [InlineData("{\"event_name\":\"follow\",\"timestamp\":\"1\",\"follower\":{}}")]
    [InlineData("{\"timestamp\":\"1\",\"sender\":{\"id\":\"7\"}}")]
    [InlineData("{\"event_name\":{\"x\":1},\"timestamp\":\"1\"}")]
    [InlineData("null")]
    public void Events_without_a_name_timestamp_or_user_are_refused(string json)
    {
        Assert.False(Parse(json, out _));
    }

    [Fact]
    public void Deeply_nested_json_is_refused_rather_than_followed()
    {
        var json = "{\"event_name\":\"user_send_text\",\"timestamp\":\"1\",\"x\":" + new string('[', 500) + new string(']', 500) + "}";

        Assert.False(Parse(json, out _));
    }

    private static bool Parse(string json, out ZaloEvent? zaloEvent) =>
        ZaloEvent.TryParse(Encoding.UTF8.GetBytes(json), out zaloEvent, out _);
}
