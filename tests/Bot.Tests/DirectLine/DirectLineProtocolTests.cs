using System.Net;
using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>One host for the class: every test starts its own conversations, and moving the clock only ages older ones.</summary>
public sealed class DirectLineProtocolTests : IClassFixture<DirectLineFactory>
{
    private readonly DirectLineFactory factory;
    private readonly DirectLineClient client;

    public DirectLineProtocolTests(DirectLineFactory factory)
    {
        this.factory = factory;
        client = new DirectLineClient(factory.CreateClient());
    }

    [Fact]
    public async Task Starting_gives_a_conversation_with_its_token_and_stream()
    {
        var conversation = await client.StartAsync();

        Assert.Matches("^[0-9a-f]{32}$", conversation.Id);
        Assert.Equal(1800, conversation.ExpiresIn);
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{conversation.Id}/stream?t=", conversation.StreamUrl);
        Assert.Equal(3, conversation.Token.Split('.').Length);
    }

    [Fact]
    public async Task Starting_greets_the_user()
    {
        var conversation = await client.StartAsync();

        var (activities, watermark) = await client.PollAsync(conversation);

        var welcome = Assert.Single(activities);
        Assert.Equal(EchoBot.Welcome, welcome.Value<string>("text"));
        Assert.Equal("bot", welcome["from"]!.Value<string>("role"));
        Assert.Equal("webchat", welcome.Value<string>("channelId"));
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task A_generated_token_starts_its_own_conversation_once()
    {
        using var generated = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineFactory.BackendSecret, """{"user":{"id":"dl_ban-a"}}""");
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var body = JObject.Parse(await generated.Content.ReadAsStringAsync());

        var first = await client.StartAsync(body.Value<string>("token"));
        var again = await client.StartAsync(body.Value<string>("token"));

        Assert.Equal(body.Value<string>("conversationId"), first.Id);
        Assert.Equal(first.Id, again.Id);
        var (activities, _) = await client.PollAsync(first);
        Assert.Single(activities);
        Assert.Equal("dl_ban-a", activities[0]["recipient"]!.Value<string>("id"));
    }

    [Fact]
    public async Task Posted_messages_and_replies_come_back_in_order_from_the_watermark()
    {
        var conversation = await client.StartAsync();
        var (_, afterWelcome) = await client.PollAsync(conversation);

        var firstId = await client.SayAsync(conversation, "một");
        var secondId = await client.SayAsync(conversation, "hai");

        var (activities, watermark) = await client.PollAsync(conversation, afterWelcome);
        Assert.Equal(["một", "Bạn nói: một", "hai", "Bạn nói: hai"], activities.Select(a => a.Value<string>("text")!));
        Assert.Equal(firstId, activities[0].Value<string>("id"));
        Assert.Equal(secondId, activities[2].Value<string>("id"));
        Assert.Equal("user", activities[0]["from"]!.Value<string>("role"));
        Assert.Equal(firstId, activities[1].Value<string>("replyToId"));
        Assert.Equal("5", watermark);

        var (nothingNew, sameWatermark) = await client.PollAsync(conversation, watermark);
        Assert.Empty(nothingNew);
        Assert.Equal(watermark, sameWatermark);
    }

    [Fact]
    public async Task The_user_id_comes_from_the_token_not_from_the_body()
    {
        using var generated = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineFactory.BackendSecret, """{"user":{"id":"dl_that"}}""");
        var token = JObject.Parse(await generated.Content.ReadAsStringAsync()).Value<string>("token")!;
        var conversation = await client.StartAsync(token);

        await client.SayAsync(conversation, "xin chào");

        var (activities, _) = await client.PollAsync(conversation, "1");
        Assert.Equal("dl_that", activities[0]["from"]!.Value<string>("id"));
    }

    [Fact]
    public async Task A_token_for_another_conversation_is_refused()
    {
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();

        using var read = await client.GetActivitiesAsync(theirs.Id, mine.Token);
        using var post = await client.PostAsync(theirs.Id, mine.Token, """{"type":"message","text":"xem trộm"}""");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var (theirActivities, _) = await client.PollAsync(theirs);
        Assert.Single(theirActivities);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task A_missing_or_garbled_token_is_refused(string? token)
    {
        var conversation = await client.StartAsync();

        using var response = await client.GetActivitiesAsync(conversation.Id, token!);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_with_a_forged_conversation_is_refused()
    {
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();
        var parts = mine.Token.Split('.');
        var claims = JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
        claims["conv"] = theirs.Id;
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToString()))}.{parts[2]}";

        using var response = await client.GetActivitiesAsync(theirs.Id, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_a_refreshed_one_works()
    {
        var conversation = await client.StartAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token, null);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = JObject.Parse(await refresh.Content.ReadAsStringAsync());
        Assert.Equal(conversation.Id, refreshed.Value<string>("conversationId"));

        factory.Time.Advance(TimeSpan.FromMinutes(11));

        using var expired = await client.GetActivitiesAsync(conversation.Id, conversation.Token);
        using var stillGood = await client.GetActivitiesAsync(conversation.Id, refreshed.Value<string>("token")!);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("TokenExpired", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stillGood.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"type\":")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("{}")]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"conversationUpdate\"}")]
    [InlineData("{\"type\":\"message\",\"text\":{\"a\":1}}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"hôm qua\"}")]
    [InlineData("{\"type\":\"message\",\"attachments\":7}")]
    public async Task Malformed_activities_are_refused_with_400(string body)
    {
        var conversation = await client.StartAsync();

        using var response = await client.PostAsync(conversation.Id, conversation.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BadArgument", await response.Content.ReadAsStringAsync());
        var (activities, _) = await client.PollAsync(conversation);
        Assert.Single(activities);
    }

    [Theory]
    [InlineData("""{"user":{"id":""}}""")]
    [InlineData("""{"user":{"id":"has space"}}""")]
    [InlineData("""{"user":{"id":42}}""")]
    [InlineData("""{"user":{"id":"😀"}}""")]
    [InlineData("[1]")]
    [InlineData("{")]
    public async Task Malformed_token_requests_are_refused_with_400(string body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_body_is_refused_with_413()
    {
        var conversation = await client.StartAsync();
        var text = new string('a', 70_000);

        using var response = await client.PostAsync(conversation.Id, conversation.Token, new JObject { ["type"] = "message", ["text"] = text }.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("99999999999999")]
    public async Task A_bad_watermark_is_refused_with_400(string watermark)
    {
        var conversation = await client.StartAsync();

        using var response = await client.GetActivitiesAsync(conversation.Id, conversation.Token, watermark);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Emoji_and_unusual_text_go_through_unchanged()
    {
        var conversation = await client.StartAsync();

        await client.SayAsync(conversation, "làm giấy khai sinh 👶🏽 \"ngay\" <b>");

        var (activities, _) = await client.PollAsync(conversation, "1");
        // Written as Markdown that Web Chat shows exactly as typed ("<" escaped, not taken as a tag).
        Assert.Equal(MarkdownLinesMiddleware.ToMarkdown("Bạn nói: làm giấy khai sinh 👶🏽 \"ngay\" <b>"), activities[1].Value<string>("text"));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"khai-sinh","value":{"procedure":"khai-sinh"}}""")]
    [InlineData("""{"type":"event","name":"webchat/join","value":{"procedure":"khai-sinh"}}""")]
    [InlineData("""{"type":"typing","value":{"procedure":"khai-sinh"}}""")]
    public async Task Client_activities_reach_the_transcript_with_their_value(string body)
    {
        var conversation = await client.StartAsync();

        using var response = await client.PostAsync(conversation.Id, conversation.Token, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await client.PollAsync(conversation, "1");
        Assert.Equal(JObject.Parse(body).Value<string>("type"), activities[0].Value<string>("type"));
        Assert.Equal("khai-sinh", activities[0]["value"]!.Value<string>("procedure"));
    }

    [Fact]
    public async Task A_failing_turn_gets_the_common_apology()
    {
        var conversation = await client.StartAsync();

        await client.SayAsync(conversation, "lỗi");

        var (activities, _) = await client.PollAsync(conversation, "1");
        Assert.Equal(["lỗi", TurnErrorHandler.Apology], activities.Select(a => a.Value<string>("text")!));
    }

    [Fact]
    public async Task An_idle_conversation_comes_back_from_the_database_until_it_expires()
    {
        using var shortIdle = new DirectLineFactory();
        shortIdle.Settings["DirectLine:IdleTimeout"] = "00:10:00";
        shortIdle.Settings["DirectLine:ConversationExpiry"] = "01:00:00";
        var dl = new DirectLineClient(shortIdle.CreateClient());
        var conversation = await dl.StartAsync();
        shortIdle.Time.Advance(TimeSpan.FromMinutes(5));
        await dl.SayAsync(conversation, "vẫn ở đây");

        shortIdle.Time.Advance(TimeSpan.FromMinutes(11));
        var (afterIdle, _) = await dl.PollAsync(conversation);
        shortIdle.Time.Advance(TimeSpan.FromMinutes(61));
        using var refresh = await dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token, null);

        Assert.Contains(afterIdle, a => (string?)a["text"] == "Bạn nói: vẫn ở đây");
        Assert.Equal(HttpStatusCode.NotFound, refresh.StatusCode);
    }

    [Fact]
    public async Task The_stream_sends_history_then_each_reply()
    {
        var conversation = await client.StartAsync();
        var socketClient = factory.Server.CreateWebSocketClient();
        using var socket = await socketClient.ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);

        var history = await ReceiveSetAsync(socket);
        await client.SayAsync(conversation, "ba");
        var received = new List<string>();
        while (received.Count < 2)
        {
            var set = await ReceiveSetAsync(socket);
            received.AddRange(set["activities"]!.Select(a => a.Value<string>("text")!));
        }

        Assert.Equal(EchoBot.Welcome, history["activities"]![0]!.Value<string>("text"));
        Assert.Equal("1", history.Value<string>("watermark"));
        Assert.Equal(["ba", "Bạn nói: ba"], received);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task Reconnecting_gives_a_stream_that_resumes_at_the_watermark()
    {
        var conversation = await client.StartAsync();
        await client.SayAsync(conversation, "bốn");
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}?watermark=2", conversation.Token, null);
        var body = JObject.Parse(await reconnect.Content.ReadAsStringAsync());
        var streamUrl = body.Value<string>("streamUrl")!;

        using var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var set = await ReceiveSetAsync(socket);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.EndsWith("&watermark=2", streamUrl);
        Assert.Equal(["Bạn nói: bốn"], set["activities"]!.Select(a => a.Value<string>("text")!));
        Assert.Equal("3", set.Value<string>("watermark"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task Reconnecting_to_another_conversation_is_refused()
    {
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.Id}", mine.Token, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_refuses_a_token_of_another_conversation()
    {
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();
        var socketClient = factory.Server.CreateWebSocketClient();
        var url = theirs.StreamUrl[..theirs.StreamUrl.IndexOf("?t=", StringComparison.Ordinal)] + "?t=" + Uri.EscapeDataString(mine.Token);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => socketClient.ConnectAsync(new Uri(url), CancellationToken.None));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task The_stream_address_without_a_websocket_is_a_400()
    {
        var conversation = await client.StartAsync();
        var path = new Uri(conversation.StreamUrl).PathAndQuery;

        using var response = await client.SendAsync(HttpMethod.Get, path, null, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<JObject> ReceiveSetAsync(WebSocket socket) => DirectLineClient.ReceiveSetAsync(socket);
}
