using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.WebChat;

namespace OneStopBot.Bot.Tests.Communes;

/// <summary>Today's one-commune configuration: <c>/</c> is its web chat as before, and its <c>/xa/{id}/</c> address is the same commune.</summary>
public sealed class OneCommuneAddressTests(OneStopBotFactory host) : IClassFixture<OneStopBotFactory>
{
    private readonly HttpClient client = host.CreateClient();

    [Fact]
    public async Task The_root_and_the_commune_s_address_serve_the_one_commune_and_share_its_conversations()
    {
        var root = await client.GetStringAsync("/");
        var addressed = await client.GetStringAsync("/xa/phuoc-duc/");
        Assert.Contains("<h1>xã Phước Đức</h1>", root);
        Assert.Contains("<h1>xã Phước Đức</h1>", addressed);
        Assert.DoesNotContain(CommuneListTexts.Title, root);

        using var started = await client.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = JObject.Parse(await started.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/xa/phuoc-duc/v3/directline/conversations/{body.Value<string>("conversationId")}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.Value<string>("token"));
        using var read = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        using var unknown = await client.GetAsync("/xa/hoa-vang/");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
