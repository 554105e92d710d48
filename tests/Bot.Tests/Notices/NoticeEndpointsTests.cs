using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.Notices;

public sealed class NoticeEndpointsTests : IDisposable
{
    private const string ApiKey = "test-key-123";

    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RecordingChannel channel = new("fake");
    private readonly NoticeFactory factory;
    private readonly HttpClient client;

    public NoticeEndpointsTests()
    {
        channel.Gate = gate.Task;
        factory = new NoticeFactory(channel);
        factory.Settings["Staff:ApiKey"] = ApiKey;
        client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    [Fact]
    public async Task Without_the_key_the_answer_is_401()
    {
        using var anonymous = factory.CreateClient();

        var post = await anonymous.PostAsJsonAsync("/api/staff/notices", new { text = "Họp", village = (string?)null });
        var get = await anonymous.GetAsync("/api/staff/notices/1");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
    }

    [Theory]
    [InlineData("""{"text":"","village":null}""", "text")]
    [InlineData("""{"text":"   ","village":null}""", "text")]
    [InlineData("""{"village":null}""", "text")]
    [InlineData("""{"text":"Họp thôn","village":"Thôn Không Có"}""", "village")]
    [InlineData("""{"text":"Họp thôn","village":"💥💥💥"}""", "village")]
    public async Task Invalid_fields_get_a_400_problem_naming_the_field(string body, string field)
    {
        var response = await client.PostAsync("/api/staff/notices", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Text_over_2000_characters_gets_a_400()
    {
        var response = await client.PostAsJsonAsync("/api/staff/notices", new { text = new string('đ', 2001), village = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public async Task A_body_that_is_not_a_notice_gets_a_400(string body)
    {
        var response = await client.PostAsync("/api/staff/notices", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_notice_is_accepted_and_its_counts_follow_the_deliveries()
    {
        var subscriptions = factory.Services.GetRequiredService<SubscriptionStore>();
        subscriptions.Subscribe(OutboxTestHost.Chat("a1"), "Thôn 2");
        subscriptions.Subscribe(OutboxTestHost.Chat("all"), null);
        subscriptions.Subscribe(OutboxTestHost.Chat("p1"), "Thôn 3");

        var response = await client.PostAsJsonAsync("/api/staff/notices", new { text = "Họp dân 8 giờ sáng mai.", village = "thôn 2" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/staff/notices/{id}", response.Headers.Location?.OriginalString);

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/staff/notices/{id}");
        Assert.Equal(id, waiting.GetProperty("id").GetInt32());
        Assert.Equal("Họp dân 8 giờ sáng mai.", waiting.GetProperty("text").GetString());
        Assert.Equal("Thôn 2", waiting.GetProperty("village").GetString());
        Assert.Equal((0, 2, 0), (waiting.GetProperty("sent").GetInt32(), waiting.GetProperty("pending").GetInt32(), waiting.GetProperty("failed").GetInt32()));
        Assert.True(waiting.TryGetProperty("createdAt", out _));

        gate.SetResult();
        await channel.WaitForSendsAsync(2);
        Assert.Equal(["a1", "all"], channel.Sent.Select(s => s.UserId).Order());
    }

    [Theory]
    [InlineData("/api/staff/notices/4242", HttpStatusCode.NotFound)]
    [InlineData("/api/staff/notices/abc", HttpStatusCode.NotFound)]
    [InlineData("/api/staff/notices/99999999999999999999", HttpStatusCode.NotFound)]
    public async Task Unknown_notices_are_404(string path, HttpStatusCode expected)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    public void Dispose()
    {
        gate.TrySetResult();
        client.Dispose();
        factory.Dispose();
    }

    private sealed class NoticeFactory(RecordingChannel channel) : OneStopBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IProactiveChannel>(channel));
        }
    }
}
