using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>The endpoint as the official Web Chat on the portal's own page uses it: CORS, the paperclip, start-up checks.</summary>
public sealed class EmbeddingTests
{
    private const string Portal = "https://phuocduc.example.vn";

    [Fact]
    public async Task A_listed_origin_gets_its_preflight_and_its_token()
    {
        using var factory = new DirectLineFactory();
        factory.Settings["WebChat:AllowedOrigins:0"] = Portal;
        var http = factory.CreateClient();

        using var preflight = await http.SendAsync(Preflight(Portal));
        using var token = await http.SendAsync(TokenRequest(Portal));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Portal, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("authorization", string.Join(',', preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(Portal, Assert.Single(token.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Portal)]
    public async Task Other_origins_get_no_cors_headers(string? allowed)
    {
        using var factory = new DirectLineFactory();
        if (allowed is not null)
        {
            factory.Settings["WebChat:AllowedOrigins:0"] = allowed;
        }
        var http = factory.CreateClient();

        using var preflight = await http.SendAsync(Preflight("https://evil.example.com"));
        using var token = await http.SendAsync(TokenRequest("https://evil.example.com"));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(token.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_picture_is_answered_politely_and_not_kept()
    {
        using var factory = new DirectLineFactory();
        var client = new DirectLineClient(factory.CreateClient());
        var conversation = await client.StartAsync();
        var (_, watermark) = await client.PollAsync(conversation);

        using var response = await client.PostAsync(conversation.Id, conversation.Token, new JObject
        {
            ["type"] = "message",
            ["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "data:image/png;base64,iVBORw0KGgo=", ["name"] = "cccd.png" }),
        }.ToString());
        var (activities, _) = await client.PollAsync(conversation, watermark);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, activities.Count);
        Assert.Null(activities[0]["attachments"]);
        Assert.DoesNotContain("base64", activities.ToString());
        Assert.Equal(DirectLineEndpoints.AttachmentsNotRead, activities[1].Value<string>("text"));
    }

    [Fact]
    public async Task The_paperclip_upload_is_answered_politely_without_reading_the_file()
    {
        using var factory = new DirectLineFactory();
        var http = factory.CreateClient();
        var client = new DirectLineClient(http);
        var conversation = await client.StartAsync();
        var (_, watermark) = await client.PollAsync(conversation);
        var form = new MultipartFormDataContent
        {
            { new StringContent("""{"type":"message","channelData":{"clientActivityID":"c1"}}""", Encoding.UTF8, "application/vnd.microsoft.activity"), "activity" },
            { new ByteArrayContent(new byte[200_000]), "file", "giay-to.jpg" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.Id}/upload?userId=x") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);

        using var response = await http.SendAsync(request);
        var (activities, _) = await client.PollAsync(conversation, watermark);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c1", activities[0]["channelData"]?.Value<string>("clientActivityID"));
        Assert.Equal(DirectLineEndpoints.AttachmentsNotRead, activities[1].Value<string>("text"));
    }

    [Theory]
    [InlineData("text/plain", "xin chào")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nxx\r\n--abc--\r\n")]
    [InlineData("multipart/form-data; boundary=abc", "không phải multipart")]
    public async Task A_malformed_upload_is_a_400(string contentType, string body)
    {
        using var factory = new DirectLineFactory();
        var http = factory.CreateClient();
        var conversation = await new DirectLineClient(http).StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.Id}/upload")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"{DirectLineClient.Base}/tokens/generate");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static HttpRequestMessage TokenRequest(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/generate") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);
        return request;
    }
}
