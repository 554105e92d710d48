using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Tests.Communes;
using static OneStopBot.Bot.Tests.Communes.CommunesHost;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// A web chat token made for one commune's chat, taken to another commune's address, its host name or the root, or
/// edited to name another commune: refused, so that a conversation acts for the commune it was opened in and no other.
/// </summary>
public sealed class CommuneTokenAttackTests(CommunesHost host) : IClassFixture<CommunesHost>
{
    private const string PhuocDuc = "/xa/phuoc-duc/v3/directline";
    private const string SuoiMay = "/xa/suoi-may/v3/directline";
    private const string Root = "/v3/directline";

    private readonly HttpClient client = host.CreateClient();

    private async Task<(string Id, string Token)> StartAsync(string at)
    {
        using var response = await client.PostAsync(at + "/conversations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return (body.Value<string>("conversationId")!, body.Value<string>("token")!);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, string? json = null, string? hostName = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (hostName is not null)
        {
            request.Headers.Host = hostName;
        }
        return await client.SendAsync(request);
    }

    private static string Message(string text) => new JObject { ["type"] = "message", ["text"] = text }.ToString();

    private async Task<string> TranscriptAsync(string at, (string Id, string Token) chat)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{at}/conversations/{chat.Id}/activities", chat.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Each_conversation_acts_for_the_commune_whose_address_opened_it()
    {
        var suoiMay = await StartAsync(SuoiMay);
        var phuocDuc = await StartAsync(PhuocDuc);

        using var asked = await SendAsync(HttpMethod.Post, $"{SuoiMay}/conversations/{suoiMay.Id}/activities", suoiMay.Token, Message("số điện thoại của xã"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var said = await TranscriptAsync(SuoiMay, suoiMay);
        Assert.Contains("Bộ phận một cửa UBND xã Suối Mây", said);
        Assert.Contains(SuoiMayPhone, said);
        Assert.DoesNotContain(PhuocDucPhone, said);
        Assert.Contains("Bộ phận một cửa UBND xã Phước Đức", await TranscriptAsync(PhuocDuc, phuocDuc));
    }

    [Theory]
    [InlineData(SuoiMay, null)]
    [InlineData(Root, null)]
    [InlineData(Root, SuoiMayHost)]
    public async Task A_token_of_one_commune_is_refused_at_another_s_address(string at, string? hostName)
    {
        var chat = await StartAsync(PhuocDuc);

        using var post = await SendAsync(HttpMethod.Post, $"{at}/conversations/{chat.Id}/activities", chat.Token, Message("xin chào"), hostName);
        using var read = await SendAsync(HttpMethod.Get, $"{at}/conversations/{chat.Id}/activities", chat.Token, hostName: hostName);
        using var refresh = await SendAsync(HttpMethod.Post, $"{at}/tokens/refresh", chat.Token, hostName: hostName);
        using var reopen = await SendAsync(HttpMethod.Post, $"{at}/conversations", chat.Token, hostName: hostName);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { post.StatusCode, read.StatusCode, refresh.StatusCode, reopen.StatusCode });
        // Nothing was said in the conversation from the other address.
        Assert.DoesNotContain("xin chào", await TranscriptAsync(PhuocDuc, chat));
    }

    [Theory]
    [InlineData(SuoiMay)]
    [InlineData(PhuocDuc)]
    public async Task A_token_edited_to_name_another_commune_is_refused_everywhere(string at)
    {
        var chat = await StartAsync(PhuocDuc);
        var parts = chat.Token.Split('.');
        var payload = JObject.Parse(Base64UrlEncoder.Decode(parts[1]));
        Assert.Equal("phuoc-duc", payload.Value<string>("xa"));
        payload["xa"] = "suoi-may";
        var edited = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToString(Newtonsoft.Json.Formatting.None))}.{parts[2]}";

        using var post = await SendAsync(HttpMethod.Post, $"{at}/conversations/{chat.Id}/activities", edited, Message("xin chào"));

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task With_several_communes_no_resident_conversation_starts_without_one()
    {
        using var start = await client.PostAsync(Root + "/conversations", null);
        using var token = await client.PostAsync(Root + "/tokens/generate", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (start.StatusCode, token.StatusCode));
    }

    [Fact]
    public async Task A_commune_s_host_name_opens_a_conversation_of_that_commune_only()
    {
        using var started = new HttpRequestMessage(HttpMethod.Post, Root + "/conversations");
        started.Headers.Host = SuoiMayHost;
        using var response = await client.SendAsync(started);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var chat = (Id: body.Value<string>("conversationId")!, Token: body.Value<string>("token")!);

        using var elsewhere = await SendAsync(HttpMethod.Get, $"{PhuocDuc}/conversations/{chat.Id}/activities", chat.Token);
        using var there = await SendAsync(HttpMethod.Get, $"{SuoiMay}/conversations/{chat.Id}/activities", chat.Token);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (elsewhere.StatusCode, there.StatusCode));
        Assert.Contains("Bộ phận một cửa UBND xã Suối Mây", await there.Content.ReadAsStringAsync());
    }
}
