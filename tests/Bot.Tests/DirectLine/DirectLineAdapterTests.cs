using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.DirectLine;

namespace OneStopBot.Bot.Tests.DirectLine;

public sealed class DirectLineAdapterTests(DirectLineFactory factory) : IClassFixture<DirectLineFactory>
{
    [Theory]
    [InlineData(DirectLineAdapter.ChannelId, DirectLineAdapter.ServiceUrl, true)]
    [InlineData(DirectLineAdapter.ChannelId, "https://webchat.botframework.com/", false)]
    [InlineData("zalo", DirectLineAdapter.ServiceUrl, false)]
    [InlineData("msteams", "https://smba.trafficmanager.net/apac/", false)]
    public void It_reaches_only_its_own_conversations(string channelId, string serviceUrl, bool expected)
    {
        var adapter = factory.Services.GetRequiredService<DirectLineAdapter>();

        Assert.Equal(expected, adapter.CanReach(new ConversationReference { ChannelId = channelId, ServiceUrl = serviceUrl }));
    }

    [Fact]
    public void It_is_registered_as_a_proactive_channel()
    {
        Assert.Contains(factory.Services.GetServices<IProactiveChannel>(), channel => channel is DirectLineAdapter);
    }

    [Fact]
    public async Task A_proactive_message_reaches_the_open_conversation_after_what_was_said_before()
    {
        var client = new DirectLineClient(factory.CreateClient());
        var conversation = await client.StartAsync();
        var reference = await CaptureReferenceAsync(conversation);
        var adapter = factory.Services.GetRequiredService<DirectLineAdapter>();

        Assert.True(adapter.CanReach(reference));
        await adapter.ContinueConversationAsync(reference,
            (turn, cancellationToken) => turn.SendActivityAsync(MessageFactory.Text("Hồ sơ của anh/chị đã có kết quả."), cancellationToken),
            CancellationToken.None);

        var (activities, _) = await client.PollAsync(conversation);
        Assert.Equal(
            [EchoBot.Welcome, "ghi nhớ", "Bạn nói: ghi nhớ", "Hồ sơ của anh/chị đã có kết quả."],
            activities.Select(a => a.Value<string>("text")!));
        Assert.Equal(conversation.Id, activities[3]["conversation"]!.Value<string>("id"));
    }

    [Fact]
    public async Task A_proactive_message_to_an_expired_conversation_fails_for_good()
    {
        var client = new DirectLineClient(factory.CreateClient());
        var conversation = await client.StartAsync();
        var reference = await CaptureReferenceAsync(conversation);
        var adapter = factory.Services.GetRequiredService<DirectLineAdapter>();
        factory.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => adapter.ContinueConversationAsync(reference,
            (turn, cancellationToken) => turn.SendActivityAsync("Thông báo", cancellationToken: cancellationToken), CancellationToken.None));

        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task An_updated_message_is_sent_again_under_its_id()
    {
        var client = new DirectLineClient(factory.CreateClient());
        var conversation = await client.StartAsync();
        var reference = await CaptureReferenceAsync(conversation);
        var adapter = factory.Services.GetRequiredService<DirectLineAdapter>();

        await adapter.ContinueConversationAsync(reference, async (turn, cancellationToken) =>
        {
            var sent = await turn.SendActivityAsync(MessageFactory.Text("Đang tra cứu…"), cancellationToken);
            var update = MessageFactory.Text("Đã tra cứu xong.");
            update.Id = sent.Id;
            await turn.UpdateActivityAsync(update, cancellationToken);
        }, CancellationToken.None);

        var (activities, _) = await client.PollAsync(conversation, "3");
        Assert.Equal(2, activities.Count);
        Assert.Equal(activities[0].Value<string>("id"), activities[1].Value<string>("id"));
        Assert.Equal("Đã tra cứu xong.", activities[1].Value<string>("text"));
    }

    /// <summary>The reference a store would keep: taken from a real message's turn, as the subscription code does.</summary>
    private async Task<ConversationReference> CaptureReferenceAsync(DirectLineClient.Conversation conversation)
    {
        var client = new DirectLineClient(factory.CreateClient());
        await client.SayAsync(conversation, "ghi nhớ");
        var (activities, _) = await client.PollAsync(conversation, "1");
        var activity = activities[0].ToObject<Activity>()!;
        return activity.GetConversationReference();
    }
}
