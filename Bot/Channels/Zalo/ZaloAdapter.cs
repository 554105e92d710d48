using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Office.Staff;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Dialogs.Communes;
using OneStopBot.Office.Communes;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The Zalo Official Account channel as a Bot Framework adapter: webhook events become Activities for the same
/// <see cref="IBot"/> as every other channel, and what the bot sends goes out as OA customer-service text messages.
/// The conversation id is the Zalo user id, as a Zalo OA chat is always one user with the OA.
/// </summary>
public sealed class ZaloAdapter : BotAdapter, IProactiveChannel
{
    public const string ChannelId = "zalo";

    public const string PleaseTypeText =
        "Dạ, hiện hệ thống chỉ đọc được tin nhắn chữ. Anh/chị vui lòng gõ câu hỏi bằng chữ, ví dụ: \"làm giấy khai sinh cần gì\".";

    private readonly ZaloSender sender;
    private readonly ZaloChoiceMemory choices;
    private readonly IOptionsMonitor<ZaloOptions> options;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider timeProvider;
    private readonly IOptionsMonitor<StaffOptions> staff;
    private readonly CommuneDirectory communes;
    private readonly CommuneContext communeContext;

    public ZaloAdapter(
        ZaloSender sender,
        ZaloChoiceMemory choices,
        IOptionsMonitor<ZaloOptions> options,
        IServiceScopeFactory scopes,
        TurnPipeline pipeline,
        IOptionsMonitor<StaffOptions> staff,
        CommuneDirectory communes,
        CommuneContext communeContext,
        TimeProvider timeProvider)
    {
        this.communes = communes;
        this.communeContext = communeContext;
        this.sender = sender;
        this.choices = choices;
        this.options = options;
        this.scopes = scopes;
        this.timeProvider = timeProvider;
        this.staff = staff;
        pipeline.Attach(this);
    }

    /// <summary>
    /// Runs one verified event as a turn of the bot, or the adapter's own answer to what it cannot read, and returns
    /// what it says, not yet sent.
    /// </summary>
    public async Task<ZaloTurnReplies> RunTurnAsync(ZaloEvent zaloEvent, CancellationToken cancellationToken)
    {
        var activity = CreateActivity(zaloEvent);
        // A reply before the resident said their commune (the question which one) is no commune's.
        var replies = new ZaloTurnReplies(activity.GetConversationReference().ToChatAddress(), CommuneOf(zaloEvent.OaId) ?? communes.Single);
        switch (zaloEvent.Kind)
        {
            case ZaloEventKind.Text or ZaloEventKind.Follow or ZaloEventKind.Unfollow:
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var bot = scope.ServiceProvider.GetRequiredService<IBot>();
                    using var context = new TurnContext(this, activity);
                    context.TurnState.Add(replies);
                    // The webhook's signature vouches for the Zalo user id.
                    context.SetVerifiedCaller(VerifiedCaller.ChannelUser(context.ChatAddress(), staff.CurrentValue));
                    // A commune's own OA: its messages are that commune's. One provincial OA: the resident says theirs.
                    if (CommuneOf(zaloEvent.OaId) is { } commune)
                    {
                        context.SetChannelCommune(commune);
                    }
                    await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
                }
                break;
            case ZaloEventKind.NonText:
                replies.Add(PleaseTypeText);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(zaloEvent), zaloEvent.Name, "Only user events become turns.");
        }
        return replies;
    }

    /// <summary>The commune whose own OA <paramref name="oaId"/> is (signed with the event); null for a shared OA.</summary>
    private Commune? CommuneOf(string? oaId) => communes.IsSingle ? null : communes.ByZaloOa(oaId);

    private Activity CreateActivity(ZaloEvent zaloEvent)
    {
        var userId = zaloEvent.UserId ?? throw new ArgumentException("The event has no user.", nameof(zaloEvent));
        var user = new ChannelAccount(userId, role: RoleTypes.User);
        var activity = new Activity
        {
            ChannelId = ChannelId,
            ServiceUrl = options.CurrentValue.ApiBaseUrl,
            Id = zaloEvent.MessageId ?? zaloEvent.DeliveryKey,
            Timestamp = zaloEvent.OccurredAt ?? timeProvider.GetUtcNow(),
            From = user,
            Recipient = new ChannelAccount(zaloEvent.OaId ?? options.CurrentValue.AppId, role: RoleTypes.Bot),
            Conversation = new ConversationAccount { Id = userId, IsGroup = false },
            ChannelData = zaloEvent.Raw,
            Locale = "vi-VN",
        };
        switch (zaloEvent.Kind)
        {
            case ZaloEventKind.Follow:
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [user];
                break;
            case ZaloEventKind.Unfollow:
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersRemoved = [user];
                break;
            default:
                activity.Type = ActivityTypes.Message;
                activity.TextFormat = TextFormatTypes.Plain;
                activity.Text = zaloEvent.Text ?? string.Empty;
                if (choices.Resolve(userId, zaloEvent.Text) is { } choice)
                {
                    activity.Text = choice.Text;
                    activity.Value = choice.Value is string ? null : choice.Value;
                }
                break;
        }
        return activity;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse(string.Empty);
            if (activity.Type != ActivityTypes.Message)
            {
                // Zalo has no typing indicator or other activity kinds for customer-service messages.
                continue;
            }
            var userId = activity.Conversation?.Id ?? activity.Recipient?.Id
                ?? throw new InvalidOperationException("A Zalo message needs the conversation (the user id).");
            var message = NumberedMessages.Compose(activity);
            choices.Remember(userId, message.Choices);
            var held = turnContext.TurnState.Get<ZaloTurnReplies>();
            foreach (var part in ZaloTextSplitter.Split(message.Text, options.CurrentValue.MaxTextLength))
            {
                if (held is not null)
                {
                    held.Commune = communeContext.CurrentOrNull ?? held.Commune;
                    held.Add(part);
                    continue;
                }
                // The bot's account is the OA the user wrote to (kept with the chat address for later messages):
                // a Zalo user id is the user's with that OA only, so another OA could not reach them.
                responses[i] = new ResourceResponse(await sender.SendTextAsync(activity.From?.Id, userId, part, cancellationToken));
            }
        }
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Zalo messages cannot be edited once sent.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Zalo messages cannot be recalled through the OA API.");

    public bool CanReach(ConversationReference reference) =>
        string.Equals(reference.ChannelId, ChannelId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs <paramref name="callback"/> on a turn for a stored conversation. Failures are not turned into an
    /// apology as in a user's turn: a <see cref="DeliveryFailedException"/> reaches the caller, who marks the delivery.
    /// </summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await MiddlewareSet.ReceiveActivityWithStatusAsync(context, callback, cancellationToken);
    }

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueConversationAsync(reference, callback, cancellationToken);
}
