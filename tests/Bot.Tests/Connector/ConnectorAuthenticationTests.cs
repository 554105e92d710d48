using System.Net;
using System.Text;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Connector;

public class ConnectorAuthenticationTests
{
    private const string Activity =
        "{\"type\":\"message\",\"text\":\"xin chào\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://localhost:1/\"," +
        "\"conversation\":{\"id\":\"auth\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"bot\"},\"deliveryMode\":\"expectReplies\"}";

    [Fact]
    public async Task With_an_app_id_configured_an_unsigned_request_is_refused()
    {
        using var factory = new OneStopBotFactory();
        factory.Settings["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001";
        factory.Settings["MicrosoftAppPassword"] = "not-a-real-secret";
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/messages", new StringContent(Activity, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_the_endpoint_is_open_for_local_use()
    {
        using var factory = new OneStopBotFactory();
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/messages", new StringContent(Activity, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
