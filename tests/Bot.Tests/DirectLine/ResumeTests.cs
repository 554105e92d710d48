using System.Net;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>An open chat that carries on: after a restart of the host over the same database, and after its token expired.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A host over this test's database file, so that a second one is the first after a restart.</summary>
    private DirectLineFactory Host(string tokenSecret = "test-secret-of-at-least-32-bytes!")
    {
        var host = new DirectLineFactory();
        host.Settings["Storage:DatabasePath"] = Path.Combine(folder, "onestop.db");
        host.Settings["DirectLine:TokenSecret"] = tokenSecret;
        return host;
    }

    [Fact]
    public async Task With_a_fixed_secret_an_open_chat_carries_on_after_a_restart_with_its_transcript()
    {
        DirectLineClient.Conversation conversation;
        using (var before = Host())
        {
            var dl = new DirectLineClient(before.CreateClient());
            conversation = await dl.StartAsync();
            await dl.SayAsync(conversation, "một");
        }

        using var after = Host();
        var client = new DirectLineClient(after.CreateClient());
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.Id}?watermark=0", conversation.Token, null);
        using var again = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations", conversation.Token, null);
        await client.SayAsync(conversation, "hai");
        var (activities, watermark) = await client.PollAsync(conversation);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(conversation.Id, JObject.Parse(await reconnect.Content.ReadAsStringAsync()).Value<string>("conversationId"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal([EchoBot.Welcome, "một", "Bạn nói: một", "hai", "Bạn nói: hai"], activities.Select(a => a.Value<string>("text")!));
        Assert.Equal("5", watermark);
    }

    [Fact]
    public async Task With_a_random_secret_the_old_token_is_refused_after_a_restart()
    {
        DirectLineClient.Conversation conversation;
        using (var before = Host(tokenSecret: ""))
        {
            conversation = await new DirectLineClient(before.CreateClient()).StartAsync();
        }

        using var after = Host(tokenSecret: "");
        var client = new DirectLineClient(after.CreateClient());
        using var refresh = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", conversation.Token, null);
        using var poll = await client.GetActivitiesAsync(conversation.Id, conversation.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, poll.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_renews_its_own_conversation_which_keeps_its_transcript()
    {
        using var host = Host();
        var client = new DirectLineClient(host.CreateClient());
        var conversation = await client.StartAsync();
        await client.SayAsync(conversation, "trước khi khoá máy");
        host.Time.Advance(TimeSpan.FromMinutes(45));

        using var expired = await client.GetActivitiesAsync(conversation.Id, conversation.Token);
        using var refresh = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", conversation.Token, null);
        var renewed = JObject.Parse(await refresh.Content.ReadAsStringAsync());
        var (activities, _) = await client.PollAsync(conversation with { Token = renewed.Value<string>("token")! });

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(conversation.Id, renewed.Value<string>("conversationId"));
        Assert.Equal(1800, renewed.Value<int>("expires_in"));
        Assert.Contains(activities, a => a.Value<string>("text") == "Bạn nói: trước khi khoá máy");
    }

    [Fact]
    public async Task A_token_issued_more_than_a_day_ago_renews_nothing()
    {
        using var host = Host();
        host.Settings["DirectLine:ConversationExpiry"] = "3.00:00:00";
        var client = new DirectLineClient(host.CreateClient());
        var conversation = await client.StartAsync();
        host.Time.Advance(DirectLineTokens.CarryOverWindow);

        using var refresh = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", conversation.Token, null);

        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task An_expired_staff_token_renews_nothing_staff_sign_in_again()
    {
        using var host = Host();
        var client = new DirectLineClient(host.CreateClient());
        var conversations = (DirectLineConversations)host.Services.GetService(typeof(DirectLineConversations))!;
        var tokens = (DirectLineTokens)host.Services.GetService(typeof(DirectLineTokens))!;
        var staff = conversations.TryCreate("hoa", staffName: "Chị Hoa")!;
        var token = tokens.Issue(staff.Id, staff.UserId, staff.StaffName);
        host.Time.Advance(TimeSpan.FromMinutes(31));

        using var refresh = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", token, null);

        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }
}
