using System.Net;
using System.Text.Json.Nodes;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Bot.Tests.WebChat;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// With <c>WebChat:PublicUrl</c> empty, absolute links are built from the request's host. A request naming another
/// site in its Host header used to get QR codes, posters and a Direct Line <c>streamUrl</c> pointing there; now only
/// this machine's names, <c>AllowedHosts</c> and the public address's host are answered, others get a problem text.
/// </summary>
public sealed class HostHeaderAttackTests
{
    private const string Evil = "evil.example";

    public static TheoryData<string, string> LinkMakers() => new()
    {
        { "GET", "/qr" },
        { "GET", "/qr/khai-sinh" },
        { "GET", "/qr/posters" },
        { "POST", $"{DirectLineClient.Base}/conversations" },
        { "GET", "/" },
    };

    [Theory]
    [MemberData(nameof(LinkMakers))]
    public async Task A_foreign_host_header_gets_a_vietnamese_problem_and_no_link(string method, string path)
    {
        using var factory = new WebChatFactory();
        using var client = Client(factory, Evil);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(ProblemTexts.HostNotAllowedTitle, (string?)problem["title"]);
        Assert.Equal(ProblemTexts.HostNotAllowed, (string?)problem["detail"]);
        Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:8080")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]:3978")]
    [InlineData("portal.localhost")]
    public async Task This_machines_names_are_answered(string host)
    {
        using var factory = new WebChatFactory();
        using var client = Client(factory, host);

        using var response = await client.GetAsync("/qr/posters");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<p class=\"url\">http://{host}/</p>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_name_in_allowed_hosts_is_answered_and_its_links_use_it()
    {
        using var factory = new WebChatFactory();
        factory.Settings["AllowedHosts"] = "motcua.example.vn;*.xa.example.vn";
        using var allowed = Client(factory, "motcua.example.vn");
        using var wildcard = Client(factory, "hoi-dap.xa.example.vn");
        using var evil = Client(factory, Evil);

        Assert.StartsWith("ws://motcua.example.vn/v3/directline/conversations/", (await new DirectLineClient(allowed).StartAsync()).StreamUrl);
        Assert.Contains("<p class=\"url\">http://hoi-dap.xa.example.vn/</p>", await wildcard.GetStringAsync("/qr/posters"));
        using var refused = await evil.GetAsync("/qr/posters");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_public_urls_host_is_answered_without_listing_it_and_links_use_the_public_url()
    {
        using var factory = new WebChatFactory();
        factory.Settings["WebChat:PublicUrl"] = "https://xa.example.vn/hoi-dap/";
        using var client = Client(factory, "xa.example.vn");
        using var evil = Client(factory, Evil);

        Assert.StartsWith("wss://xa.example.vn/hoi-dap/v3/directline/conversations/", (await new DirectLineClient(client).StartAsync()).StreamUrl);
        Assert.Contains("<p class=\"url\">https://xa.example.vn/hoi-dap/</p>", await client.GetStringAsync("/qr/posters"));
        using var refused = await evil.PostAsync($"{DirectLineClient.Base}/conversations", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task With_every_host_allowed_a_public_url_still_decides_the_links()
    {
        using var factory = new WebChatFactory();
        factory.Settings["AllowedHosts"] = "*";
        factory.Settings["WebChat:PublicUrl"] = "https://xa.example.vn/";
        using var evil = Client(factory, Evil);

        var conversation = await new DirectLineClient(evil).StartAsync();
        var posters = await evil.GetStringAsync("/qr/posters");

        Assert.StartsWith("wss://xa.example.vn/v3/directline/conversations/", conversation.StreamUrl);
        Assert.Contains("<p class=\"url\">https://xa.example.vn/</p>", posters);
        Assert.DoesNotContain(Evil, posters, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A client whose requests carry <paramref name="host"/> as their Host header, as a forged request would.</summary>
    private static HttpClient Client(WebChatFactory factory, string host)
    {
        var client = factory.CreateClient();
        client.BaseAddress = new Uri($"http://{host}/");
        return client;
    }
}
