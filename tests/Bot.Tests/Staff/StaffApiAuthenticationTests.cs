using System.Net;
using System.Text;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Staff;

public class StaffApiAuthenticationTests
{
    public static TheoryData<string, string, string> Requests => new()
    {
        { "POST", "/api/staff/notices", "{not json" },
        { "POST", "/api/staff/notices", "{\"text\":\"Họp dân\"}" },
        { "POST", "/api/staff/dossiers", "{\"procedureId\":\"khai-sinh\"}" },
        { "PATCH", "/api/staff/dossiers/000.32.30.H49-261126-0001", "{\"status\":\"resultReady\"}" },
        { "GET", "/api/staff/stats", "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Without_the_key_every_staff_request_is_401_before_its_body_is_read(string method, string path, string body)
    {
        using var factory = new OneStopBotFactory();
        factory.Settings["Staff:ApiKey"] = "the-right-key";
        using var client = factory.CreateClient();

        foreach (var key in new string?[] { null, "", "the-wrong-key", "the-right-key " })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            if (key is not null)
            {
                request.Headers.Add(StaffApi.ApiKeyHeader, key);
            }
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task With_no_key_configured_the_staff_api_is_closed()
    {
        using var factory = new OneStopBotFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/stats");
        request.Headers.Add(StaffApi.ApiKeyHeader, "");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }
}
