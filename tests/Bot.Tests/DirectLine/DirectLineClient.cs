using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>Just enough of a Direct Line client to drive the endpoint as Web Chat does.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public async Task<Conversation> StartAsync(string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new Conversation(
            body.Value<string>("conversationId")!, body.Value<string>("token")!, body.Value<int>("expires_in"), body.Value<string>("streamUrl")!);
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string token, string json) =>
        SendAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, json);

    public async Task<string> SayAsync(Conversation conversation, string text)
    {
        using var response = await PostAsync(conversation.Id, conversation.Token,
            new JObject { ["type"] = "message", ["from"] = new JObject { ["id"] = "dl_test", ["role"] = "user" }, ["text"] = text }.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("id")!;
    }

    public Task<HttpResponseMessage> GetActivitiesAsync(string conversationId, string token, string? watermark = null) =>
        SendAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities" + (watermark is null ? "" : $"?watermark={watermark}"), token, null);

    public async Task<(JArray Activities, string Watermark)> PollAsync(Conversation conversation, string? watermark = null)
    {
        using var response = await GetActivitiesAsync(conversation.Id, conversation.Token, watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return ((JArray)body["activities"]!, body.Value<string>("watermark")!);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return http.SendAsync(request);
    }

    /// <summary>The next whole message of a stream: its type (text, or the server's close) and its text.</summary>
    public static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(WebSocket socket)
    {
        // Only so that a broken stream fails the test instead of hanging it.
        using var stuck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, stuck.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
    }

    /// <summary>The next set of activities a stream sends.</summary>
    public static async Task<JObject> ReceiveSetAsync(WebSocket socket)
    {
        var (type, text) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        return JObject.Parse(text);
    }

    public sealed record Conversation(string Id, string Token, int ExpiresIn, string StreamUrl);
}
