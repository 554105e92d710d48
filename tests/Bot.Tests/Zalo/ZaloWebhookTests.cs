using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

[Collection(SharedZaloHost.Name)]
public sealed class ZaloWebhookTests(SharedZaloHost shared)
{
    private readonly ZaloTestHost host = shared.Host;

    [Fact]
    public async Task A_signed_question_is_answered_through_the_OA_API_with_the_access_token()
    {
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "làm giấy khai sinh cần gì"));

        var sent = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Equal(ZaloTestHost.AccessToken, sent.AccessToken);
        var body = JsonNode.Parse(sent.RawBody)!;
        Assert.Equal(user, body["recipient"]!["user_id"]!.GetValue<string>());
        Assert.Equal("Đã nhận: làm giấy khai sinh cần gì", body["message"]!["text"]!.GetValue<string>());

        var activity = Assert.Single(host.Probe.ReceivedFrom(user));
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("zalo", activity.ChannelId);
        Assert.Equal(ZaloTestHost.OaId, activity.Recipient.Id);
        Assert.Equal(user, activity.Conversation.Id);
        Assert.Equal($"{user}-1", activity.Id);
    }

    [Fact]
    public async Task Ids_sent_as_large_numbers_stay_exact_strings()
    {
        var user = host.NewUser() + "123";
        var json = ZaloEvents.Text(user, $"{user}-1", "xin chào").Replace($"\"id\":\"{user}\"", $"\"id\":{user}");

        await host.PostAcceptedAsync(json);

        var sent = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Equal(user, sent.UserId);
    }

    public static TheoryData<string, string> BadSignatures => new()
    {
        { "missing", string.Empty },
        { "wrong", "mac=" + new string('0', 64) },
        { "other key", "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x"u8)) },
        { "not a mac", "garbage" },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task A_bad_signature_is_refused_and_nothing_is_processed(string why, string signature)
    {
        var user = host.NewUser();

        using var response = await host.PostAsync(ZaloEvents.Text(user, $"{user}-1", "xin chào"), signature);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        await AssertNothingHappenedAsync(user);
    }

    [Fact]
    public async Task The_same_body_re_serialised_with_other_spacing_is_refused()
    {
        var user = host.NewUser();
        var original = ZaloEvents.Text(user, $"{user}-1", "xin chào");
        var signature = ZaloSignature.Compute(
            ZaloTestHost.AppId, System.Text.Encoding.UTF8.GetBytes(original), ZaloEvents.TimestampOf(original), ZaloTestHost.OaSecretKey);
        var respaced = JsonNode.Parse(original)!.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        Assert.NotEqual(original, respaced);

        using var response = await host.PostAsync(respaced, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync(user);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2,3]")]
    [InlineData("\"user_send_text\"")]
    [InlineData("{\"event_name\":\"user_send_text\"}")]
    [InlineData("{\"event_name\":\"user_send_text\",\"timestamp\":\"1\",\"message\":{\"text\":\"hi\"}}")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("{\"event_name\":\"user_send_text\",\"timestamp\":\"1\",\"sender\":\"251252362540001\",\"message\":{\"text\":\"hi\"}}")]
    [InlineData("{\"event_name\":\"follow\",\"timestamp\":\"1\",\"follower\":5,\"sender\":[1]}")]
    [InlineData("{\"event_name\":\"user_send_text\",\"timestamp\":\"1\",\"sender\":{\"id\":\"1\"},\"recipient\":\"oa\",\"message\":\"hi\"}")]
    public async Task A_signed_body_that_is_not_a_usable_event_gets_400(string json)
    {
        var user = host.NewUser();

        using var response = await host.PostAsync(json, timestamp: "1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync(user);
    }

    [Fact]
    public async Task A_huge_body_gets_413()
    {
        var user = host.NewUser();

        using var response = await host.PostAsync(ZaloEvents.Text(user, $"{user}-1", new string('a', 100_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingHappenedAsync(user);
    }

    [Fact]
    public async Task A_redelivered_event_is_answered_once()
    {
        var user = host.NewUser();

        await host.AssertDeliveredTwiceAnsweredOnceAsync(user, $"{user}-1");
    }

    [Fact]
    public async Task One_users_messages_are_handled_in_order_while_other_users_go_ahead()
    {
        var user = host.NewUser();
        var other = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", $"chờ {user}"));
        foreach (var i in Enumerable.Range(2, 5))
        {
            await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-{i}", $"câu {i}"));
        }
        await host.PostAcceptedAsync(ZaloEvents.Text(other, $"{other}-1", "tôi cũng hỏi"));

        // The other user is answered while the first user's lane is still held at its first message.
        await host.Api.WaitForCountAsync(other, 1);
        Assert.Empty(host.Api.SentTo(user));

        host.Probe.Gate(user).SetResult();
        var sent = await host.Api.WaitForCountAsync(user, 6);
        Assert.Equal(
            [$"Đã nhận: chờ {user}", "Đã nhận: câu 2", "Đã nhận: câu 3", "Đã nhận: câu 4", "Đã nhận: câu 5", "Đã nhận: câu 6"],
            sent.Select(m => m.Text));
    }

    [Theory]
    [InlineData("user_send_image", "image")]
    [InlineData("user_send_sticker", "sticker")]
    [InlineData("user_send_location", "location")]
    [InlineData("user_send_file", "file")]
    [InlineData("user_send_audio", "audio")]
    public async Task Anything_but_text_gets_a_polite_request_to_type(string eventName, string type)
    {
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Attachment(eventName, user, $"{user}-1", type));

        var sent = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Contains("vui lòng gõ câu hỏi bằng chữ", sent.Text);
        Assert.Empty(host.Probe.ReceivedFrom(user));
    }

    [Theory]
    [InlineData("oa_send_text")]
    [InlineData("user_seen_message")]
    [InlineData("something_new")]
    public async Task Unknown_events_are_ignored(string eventName)
    {
        var user = host.NewUser();
        var unknown = ZaloEvents.Text(user, $"{user}-1", "ignored").Replace("user_send_text", eventName);

        await host.PostAcceptedAsync(unknown);

        await AssertNothingHappenedAsync(user);
    }

    [Fact]
    public async Task A_follower_is_welcomed_and_an_unfollow_reaches_the_bot_as_a_member_removed()
    {
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Follow("follow", user));
        var welcome = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Equal(ProbeBot.Welcome, welcome.Text);

        await host.PostAcceptedAsync(ZaloEvents.Follow("unfollow", user));
        await host.Api.WaitForAsync(_ => host.Probe.ReceivedFrom(user).Count == 2);
        var received = host.Probe.ReceivedFrom(user);
        Assert.Equal(ActivityTypes.ConversationUpdate, received[0].Type);
        Assert.Equal(user, Assert.Single(received[0].MembersAdded).Id);
        Assert.Equal(ActivityTypes.ConversationUpdate, received[1].Type);
        Assert.Equal(user, Assert.Single(received[1].MembersRemoved).Id);
        Assert.Equal(ZaloTestHost.OaId, received[1].Recipient.Id);
    }

    [Fact]
    public async Task Suggested_actions_become_numbers_and_a_typed_number_is_that_choice()
    {
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "menu"));
        var menu = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Equal("Anh/chị muốn làm gì?\n\nGõ 1 để chọn: Hỏi thủ tục\nGõ 2 để chọn: Xem hồ sơ", menu.Text);

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", " 2 "));
        var sent = await host.Api.WaitForCountAsync(user, 2);
        Assert.Equal("Đã nhận: Xem hồ sơ", sent[1].Text);

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-3", "7"));
        sent = await host.Api.WaitForCountAsync(user, 3);
        Assert.Equal("Đã nhận: 7", sent[2].Text);

        // The last messages offered no choices: a number typed now is an answer in its own right.
        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-4", "1"));
        sent = await host.Api.WaitForCountAsync(user, 4);
        Assert.Equal("Đã nhận: 1", sent[3].Text);
    }

    [Fact]
    public async Task A_long_answer_is_sent_in_parts_that_end_at_sentences()
    {
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "dài"));

        var sent = await host.Api.WaitForAsync(user, s => s.Sum(m => m.Text.Length) >= ProbeBot.LongAnswer.Trim().Length - 10);
        Assert.True(sent.Count >= 2);
        Assert.All(sent, m => Assert.InRange(m.Text.Length, 1, 2000));
        Assert.All(sent, m => Assert.EndsWith("dài.", m.Text));
        Assert.Equal(ProbeBot.LongAnswer.Trim(), string.Join(" ", sent.Select(m => m.Text)));
    }

    [Fact]
    public async Task Emoji_and_dialect_text_is_answered_as_typed()
    {
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "làm giấy tờ ni ở mô rứa 🙏👨‍👩‍👧"));

        var sent = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Equal("Đã nhận: làm giấy tờ ni ở mô rứa 🙏👨‍👩‍👧", sent.Text);
    }

    [Fact]
    public async Task The_channel_is_off_when_not_configured()
    {
        await using var unconfigured = new ZaloTestHost(settings =>
        {
            settings["Zalo:AppId"] = string.Empty;
            settings["Zalo:OaSecretKey"] = string.Empty;
        });
        var user = unconfigured.NewUser();

        using var response = await unconfigured.PostAsync(ZaloEvents.Text(user, $"{user}-1", "xin chào"), "mac=00");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task When_too_many_turns_wait_the_event_is_refused_with_503_and_taken_when_delivered_again()
    {
        await using var busy = new ZaloTestHost(settings => settings["Zalo:MaxPendingTurns"] = "1");
        var user = busy.NewUser();
        var second = ZaloEvents.Text(user, $"{user}-2", "câu 2");

        var first = ZaloEvents.Text(user, $"{user}-1", "chờ busy");

        await busy.PostAcceptedAsync(first);
        using (var refused = await busy.PostAsync(second))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }
        // A redelivery of the stored event is answered as taken, full inbox or not.
        await busy.PostAcceptedAsync(first);
        busy.Probe.Gate("busy").SetResult();
        await busy.Api.WaitForAsync(_ => busy.Services.GetRequiredService<ZaloInboxWorker>().Pending == 0);

        // Zalo delivers the refused event again; it was not remembered as handled, so it is answered now.
        await busy.PostAcceptedAsync(second);
        var sent = await busy.Api.WaitForCountAsync(2);
        Assert.Equal(["Đã nhận: chờ busy", "Đã nhận: câu 2"], sent.Select(m => m.Text));
    }

    /// <summary>A refused request leaves no trace: a later valid message is the only thing the bot and the API see.</summary>
    private async Task AssertNothingHappenedAsync(string user)
    {
        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-after", "sau đó"));
        var sent = await host.Api.WaitForCountAsync(user, 1);
        Assert.Equal(["Đã nhận: sau đó"], sent.Select(m => m.Text));
        Assert.Equal($"{user}-after", Assert.Single(host.Probe.ReceivedFrom(user)).Id);
    }
}
