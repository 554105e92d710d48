using System.Net.Http.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>A user of the Bot Framework Connector endpoint who asks for the replies in the HTTP response.</summary>
public sealed class ConnectorUser(HttpClient client, string conversationId = "conv-1", string userId = "user-1", string channelId = "emulator")
{
    public string ConversationId => conversationId;

    public Task<IReadOnlyList<Activity>> JoinAsync() =>
        PostAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount(userId), new ChannelAccount("bot")],
        });

    public Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        PostAsync(new Activity { Type = ActivityTypes.Message, Text = text, Id = Guid.NewGuid().ToString("N") });

    public async Task<IReadOnlyList<Activity>> PostAsync(Activity activity)
    {
        activity.ChannelId = channelId;
        activity.ServiceUrl = "http://localhost:1/";
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = new ChannelAccount(userId);
        activity.Recipient = new ChannelAccount("bot");
        activity.Locale = "vi-VN";
        using var content = new StringContent(JsonConvert.SerializeObject(activity), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/messages", content);
        response.EnsureSuccessStatusCode();
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync());
        return replies?.Activities?.ToList() ?? [];
    }
}

public static class ReplyAssertions
{
    public static string Texts(this IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    public static IReadOnlyList<string> Buttons(this IReadOnlyList<Activity> replies) =>
        replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions.Actions.Select(a => a.Title).ToList() ?? [];
}
