using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Dialogs.Communes;
using OneStopBot.Office.Communes;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// The web chat channel: runs turns for Direct Line conversations through the bot and appends what the bot
/// sends to the conversation's transcript, from which the endpoint's polling and streams read.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter, IProactiveChannel
{
    public const string ChannelId = "webchat";

    /// <summary>Not an address anyone calls: it marks references to conversations this host keeps itself.</summary>
    public const string ServiceUrl = "urn:onestopbot:directline";

    public const string BotId = "onestopbot";

    private readonly DirectLineConversations conversations;
    private readonly TimeProvider time;
    private readonly CommuneDirectory communes;

    public DirectLineAdapter(DirectLineConversations conversations, TurnPipeline pipeline, CommuneDirectory communes, TimeProvider time)
    {
        this.conversations = conversations;
        this.communes = communes;
        this.time = time;
        pipeline.Attach(this);
    }

    /// <summary>Tells the bot, once, that the user joined, so it can greet them.</summary>
    public async Task StartAsync(DirectLineConversation conversation, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (!conversation.TryMarkStarted())
        {
            return;
        }
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString("N"),
            MembersAdded = [BotAccount(), User(conversation)],
        };
        Address(activity, conversation, from: User(conversation), recipient: BotAccount());
        await RunTurnAsync(conversation, activity, caller: null, callback, record: false, cancellationToken);
    }

    /// <summary>
    /// Appends the user's activity to the transcript, runs the turn, and returns the activity's id. Who the user is
    /// comes from the conversation (made for the token's signed identity); <paramref name="source"/> is the client's address.
    /// </summary>
    public async Task<string> ProcessActivityAsync(
        DirectLineConversation conversation, Activity activity, string source, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var user = User(conversation);
        user.Name = activity.From?.Name;
        Address(activity, conversation, from: user, recipient: BotAccount());
        await RunTurnAsync(conversation, activity, new VerifiedCaller(source, conversation.StaffName), callback, record: true, cancellationToken);
        return activity.Id!;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var conversation = FindOrFail(turnContext.Activity.Conversation?.Id);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypesEx.Delay)
            {
                var milliseconds = activity.Value is IConvertible value ? value.ToInt32(null) : 1000;
                await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), time, cancellationToken);
                responses[i] = new ResourceResponse();
                continue;
            }
            Address(activity, conversation, from: activity.From ?? BotAccount(), recipient: activity.Recipient ?? User(conversation));
            activity.Id = conversation.Append(id => Serialize(activity, id), time.GetUtcNow());
            responses[i] = new ResourceResponse(activity.Id);
        }
        return responses;
    }

    /// <summary>Direct Line cannot edit: the new version is sent again under the same id, which Web Chat shows in place.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = FindOrFail(turnContext.Activity.Conversation?.Id);
        var id = activity.Id ?? throw new ArgumentException("The activity to update has no id.", nameof(activity));
        Address(activity, conversation, from: activity.From ?? BotAccount(), recipient: activity.Recipient ?? User(conversation));
        conversation.Append(_ => Serialize(activity, id), time.GetUtcNow());
        return Task.FromResult(new ResourceResponse(id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line 3.0 has no way to take back a message.");

    public bool CanReach(ConversationReference reference) =>
        reference.ChannelId == ChannelId && reference.ServiceUrl == ServiceUrl;

    /// <summary>A proactive message (a notice, a status change) into a conversation still open in a browser.</summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var conversation = conversations.Find(reference.Conversation?.Id ?? "")
            ?? throw new DeliveryFailedException("The web chat conversation has ended.", isTransient: false);
        // The notice answers nothing the chat has shown: with a reply-to id Web Chat would hold it back for 5 s, waiting
        // for a message that never comes.
        var continuation = reference.GetContinuationActivity();
        continuation.Id = null;
        await RunTurnAsync(conversation, continuation, caller: null, callback, record: false, cancellationToken);
    }

    /// <summary>One turn at a time per conversation; <paramref name="record"/> puts the incoming activity in the transcript first.</summary>
    private async Task RunTurnAsync(
        DirectLineConversation conversation, Activity activity, VerifiedCaller? caller, BotCallbackHandler callback, bool record, CancellationToken cancellationToken)
    {
        await conversation.TurnGate.WaitAsync(cancellationToken);
        try
        {
            if (record)
            {
                activity.Id = conversation.Append(id => Serialize(activity, id), time.GetUtcNow());
            }
            else
            {
                conversation.Touch(time.GetUtcNow());
            }
            using var context = new TurnContext(this, activity);
            if (caller is not null)
            {
                context.SetVerifiedCaller(caller);
            }
            // The commune the conversation was opened for, as the server recorded it when it signed the token.
            if (communes.Find(conversation.Commune) is { } commune)
            {
                context.SetChannelCommune(commune);
            }
            await RunPipelineAsync(context, callback, cancellationToken);
        }
        finally
        {
            conversation.TurnGate.Release();
        }
    }

    private DirectLineConversation FindOrFail(string? conversationId) =>
        conversations.Find(conversationId ?? "")
        ?? throw new DeliveryFailedException("The web chat conversation has ended.", isTransient: false);

    private void Address(Activity activity, DirectLineConversation conversation, ChannelAccount from, ChannelAccount recipient)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = from;
        activity.Recipient = recipient;
        activity.Timestamp = time.GetUtcNow();
    }

    private static ChannelAccount BotAccount() => new(BotId, "OneStopBot", RoleTypes.Bot);

    private static ChannelAccount User(DirectLineConversation conversation) => new(conversation.UserId, role: RoleTypes.User);

    private static string Serialize(Activity activity, string id)
    {
        activity.Id = id;
        return JsonConvert.SerializeObject(activity, HttpHelper.BotMessageSerializerSettings);
    }
}
