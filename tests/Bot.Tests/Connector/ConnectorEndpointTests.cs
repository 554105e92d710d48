using System.Net;
using System.Text;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;

namespace OneStopBot.Bot.Tests.Connector;

public class ConnectorEndpointTests : IClassFixture<OneStopBotFactory>
{
    private readonly OneStopBotFactory factory;

    public ConnectorEndpointTests(OneStopBotFactory factory) => this.factory = factory;

    [Fact]
    public async Task Health_check_answers()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_user_is_welcomed_with_the_main_menu_in_the_http_response()
    {
        using var client = factory.CreateClient();
        var replies = await new ConnectorUser(client, conversationId: "welcome").JoinAsync();
        Assert.Contains("Chào anh/chị", replies.Texts(), StringComparison.Ordinal);
        Assert.Equal(Replies.Page(MainMenu.Items, 0), replies.Buttons());
    }

    [Fact]
    public async Task Help_shows_the_menu()
    {
        using var client = factory.CreateClient();
        var replies = await new ConnectorUser(client, conversationId: "help").SayAsync("giup");
        Assert.Contains("Em giúp được", replies.Texts(), StringComparison.Ordinal);
        Assert.Equal(Replies.Page(MainMenu.Items, 0), replies.Buttons());
    }

    public static TheoryData<string, string, HttpStatusCode> NotActivities => new()
    {
        { "{bad json", "application/json", HttpStatusCode.BadRequest },
        { "", "application/json", HttpStatusCode.BadRequest },
        { "   ", "application/json", HttpStatusCode.BadRequest },
        { "[]", "application/json", HttpStatusCode.BadRequest },
        { "42", "application/json", HttpStatusCode.BadRequest },
        { "{\"text\":\"no type\"}", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\":1}", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"hi\"}", "text/plain", HttpStatusCode.UnsupportedMediaType },
        { "type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { new string('a', 1024 * 1024), "application/json", HttpStatusCode.RequestEntityTooLarge },
        { "null", "application/json", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"conversation\":\"not an account\"}", "application/json", HttpStatusCode.BadRequest },
        { Message("deep", new string('[', 200) + new string(']', 200)), "application/json", HttpStatusCode.BadRequest },
        { Message("twice", "1") + Message("twice", "2"), "application/json", HttpStatusCode.BadRequest },
        { Message("trailing", "1") + " x", "application/json", HttpStatusCode.BadRequest },
    };

    /// <summary>A complete message Activity whose <c>value</c> is the given JSON, as this endpoint accepts it.</summary>
    private static string Message(string conversation, string value) =>
        "{\"type\":\"message\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://localhost:1/\",\"deliveryMode\":\"expectReplies\","
        + $"\"conversation\":{{\"id\":\"{conversation}\"}},\"from\":{{\"id\":\"u\"}},\"recipient\":{{\"id\":\"bot\"}},\"text\":\"giup\",\"value\":{value}}}";

    [Fact]
    public async Task A_complete_message_is_answered_whether_or_not_its_length_is_declared()
    {
        using var client = factory.CreateClient();
        foreach (var declared in new[] { true, false })
        {
            var bytes = Encoding.UTF8.GetBytes(Message("declared-" + declared, "1"));
            using var content = new StreamContent(new MemoryStream(bytes));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = declared ? bytes.Length : null;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
            request.Headers.TransferEncodingChunked = !declared;

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Em giúp được", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NotActivities))]
    public async Task A_request_that_is_not_an_activity_gets_a_4xx(string body, string contentType, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await client.PostAsync("/api/messages", content);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_json_body_without_a_length_header_gets_413()
    {
        using var client = factory.CreateClient();
        var body = "{\"type\":\"message\",\"text\":\"" + new string('x', 1024 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_conversation_details_gets_a_4xx_not_a_500()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("{\"type\":\"message\",\"text\":\"hi\"}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/messages", content);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"Got {(int)response.StatusCode}");
    }
}
