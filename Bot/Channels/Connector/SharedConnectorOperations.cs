using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace OneStopBot.Bot.Channels.Connector;

using Headers = Dictionary<string, List<string>>;

/// <summary>A turn's conversation operations, sent through the shared connector client (created on the first call).</summary>
internal sealed class SharedConversations(Func<Task<IConnectorClient>> client) : IConversations
{
    public async Task<HttpOperationResponse<ConversationsResult>> GetConversationsWithHttpMessagesAsync(string continuationToken = null!, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.GetConversationsWithHttpMessagesAsync(continuationToken, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<ConversationResourceResponse>> CreateConversationWithHttpMessagesAsync(ConversationParameters parameters, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.CreateConversationWithHttpMessagesAsync(parameters, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<ResourceResponse>> SendToConversationWithHttpMessagesAsync(string conversationId, Activity activity, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.SendToConversationWithHttpMessagesAsync(conversationId, activity, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<ResourceResponse>> SendConversationHistoryWithHttpMessagesAsync(string conversationId, Transcript transcript, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.SendConversationHistoryWithHttpMessagesAsync(conversationId, transcript, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<ResourceResponse>> UpdateActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.UpdateActivityWithHttpMessagesAsync(conversationId, activityId, activity, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<ResourceResponse>> ReplyToActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.ReplyToActivityWithHttpMessagesAsync(conversationId, activityId, activity, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse> DeleteActivityWithHttpMessagesAsync(string conversationId, string activityId, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.DeleteActivityWithHttpMessagesAsync(conversationId, activityId, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<IList<ChannelAccount>>> GetConversationMembersWithHttpMessagesAsync(string conversationId, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.GetConversationMembersWithHttpMessagesAsync(conversationId, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<PagedMembersResult>> GetConversationPagedMembersWithHttpMessagesAsync(string conversationId, int? pageSize = null, string continuationToken = null!, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.GetConversationPagedMembersWithHttpMessagesAsync(conversationId, pageSize, continuationToken, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse> DeleteConversationMemberWithHttpMessagesAsync(string conversationId, string memberId, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.DeleteConversationMemberWithHttpMessagesAsync(conversationId, memberId, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<IList<ChannelAccount>>> GetActivityMembersWithHttpMessagesAsync(string conversationId, string activityId, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.GetActivityMembersWithHttpMessagesAsync(conversationId, activityId, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<ResourceResponse>> UploadAttachmentWithHttpMessagesAsync(string conversationId, AttachmentData attachmentUpload, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Conversations.UploadAttachmentWithHttpMessagesAsync(conversationId, attachmentUpload, customHeaders, cancellationToken).ConfigureAwait(false);
}

/// <summary>A turn's attachment operations, through the shared connector client.</summary>
internal sealed class SharedAttachments(Func<Task<IConnectorClient>> client) : IAttachments
{
    public async Task<HttpOperationResponse<AttachmentInfo>> GetAttachmentInfoWithHttpMessagesAsync(string attachmentId, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Attachments.GetAttachmentInfoWithHttpMessagesAsync(attachmentId, customHeaders, cancellationToken).ConfigureAwait(false);

    public async Task<HttpOperationResponse<Stream>> GetAttachmentWithHttpMessagesAsync(string attachmentId, string viewId, Headers customHeaders = null!, CancellationToken cancellationToken = default) =>
        await (await client().ConfigureAwait(false)).Attachments.GetAttachmentWithHttpMessagesAsync(attachmentId, viewId, customHeaders, cancellationToken).ConfigureAwait(false);
}
