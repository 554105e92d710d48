using System.Net;
using System.Net.Http.Json;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Questions;

namespace OneStopBot.Bot.Tests.Staff;

public class StaffQuestionEndpointTests
{
    [Fact]
    public async Task Staff_see_the_questions_nothing_answered_newest_first_with_numbers_masked()
    {
        using var factory = new OneStopBotFactory();
        factory.Settings["Staff:ApiKey"] = "key";
        using var client = factory.CreateClient();
        var resident = new ConnectorUser(client, conversationId: "unanswered");
        await resident.SayAsync("giá phân bón tháng này");
        await resident.SayAsync("con trâu bị ốm thì gọi ai, số em 0912 345 678");

        client.DefaultRequestHeaders.Add(StaffApi.ApiKeyHeader, "key");
        var questions = await client.GetFromJsonAsync<List<UnansweredQuestion>>("/api/staff/questions");

        Assert.NotNull(questions);
        Assert.Equal(2, questions.Count);
        Assert.StartsWith("con trâu bị ốm", questions[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("345", questions[0].Text, StringComparison.Ordinal);
        Assert.Equal("giá phân bón tháng này", questions[1].Text);
        Assert.All(questions, q => Assert.Equal("emulator", q.ChannelId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    public async Task A_count_out_of_range_is_400(string count)
    {
        using var factory = new OneStopBotFactory();
        factory.Settings["Staff:ApiKey"] = "key";
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(StaffApi.ApiKeyHeader, "key");
        var response = await client.GetAsync($"/api/staff/questions?count={count}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
