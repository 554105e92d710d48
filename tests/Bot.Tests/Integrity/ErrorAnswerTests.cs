using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Staff;

namespace OneStopBot.Bot.Tests.Integrity;

/// <summary>Bad input of every shape gets a ProblemDetails 4xx or a polite chat reply, and never loses a conversation.</summary>
public sealed class ErrorAnswerTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    [Theory]
    [InlineData("from=9999-12-01&to=9999-12-31", "from")]
    [InlineData("from=1999-12-01&to=2000-01-31", "from")]
    [InlineData("from=2026-11-01&to=2101-01-01", "to")]
    [InlineData("from=0001-01-01&to=0001-01-02", "from")]
    public async Task Statistics_outside_2000_to_2100_are_refused_with_a_problem(string query, string field)
    {
        using var client = factory.CreateStaffClient();

        using var response = await client.GetAsync("/api/staff/stats?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("GET", "/khong-co", HttpStatusCode.NotFound, "Không tìm thấy")]
    [InlineData("GET", "/api/messages", HttpStatusCode.MethodNotAllowed, "Phương thức không được hỗ trợ")]
    [InlineData("GET", "/api/staff/stats", HttpStatusCode.Unauthorized, "Chưa xác thực")]
    [InlineData("POST", "/api/staff/notices", HttpStatusCode.Unauthorized, "Chưa xác thực")]
    public async Task Answers_without_a_body_of_their_own_get_a_vietnamese_problem(string method, string path, HttpStatusCode status, string title)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Malformed_members_added_are_nobody_and_the_conversation_goes_on()
    {
        using var client = factory.CreateClient();
        var user = new ConnectorUser(client, "members-chat", "members-user");
        Assert.Contains("thủ tục gì", (await user.SayAsync("Nộp hồ sơ trước")).Texts(), StringComparison.Ordinal);

        var update = await PostRawAsync(client, """
            {"type":"conversationUpdate","channelId":"emulator","serviceUrl":"http://localhost:1/","deliveryMode":"expectReplies",
             "conversation":{"id":"members-chat"},"from":{"id":"members-user"},"recipient":{"id":"bot"},"membersAdded":[null,{}]}
            """);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.DoesNotContain(TurnErrorHandler.Apology, await update.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Họ và tên", (await user.SayAsync("khai sinh")).Texts(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"procedure":{"id":"khai-sinh"}}""")]
    [InlineData("""{"procedure":["khai-sinh"]}""")]
    [InlineData("""{"procedure":12}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("\"khai-sinh\"")]
    [InlineData("42")]
    public async Task A_value_of_the_wrong_shape_gets_a_polite_reply_and_keeps_the_conversation(string value)
    {
        using var client = factory.CreateClient();
        var user = new ConnectorUser(client, "value-chat-" + Guid.NewGuid().ToString("N"), "value-user");
        Assert.Contains("thủ tục gì", (await user.SayAsync("Nộp hồ sơ trước")).Texts(), StringComparison.Ordinal);

        var replies = await user.PostAsync(new Activity { Type = ActivityTypes.Message, Value = JToken.Parse(value), Id = "v1" });

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(TurnErrorHandler.Apology, replies.Select(r => r.Text));
        Assert.Contains("Họ và tên", (await user.SayAsync("khai sinh")).Texts(), StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string json) =>
        await client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
