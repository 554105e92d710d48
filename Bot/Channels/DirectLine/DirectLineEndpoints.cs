using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Edge;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST surface that Web Chat and DirectLineJS use: tokens, conversations, activities
/// (post and poll) and the WebSocket stream. The token is checked by the <see cref="DirectLineAuthentication"/> scheme
/// and policies before an endpoint runs; errors use Direct Line's own <c>{"error":{code,message}}</c> shape.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    /// <summary>The answer to a picture or file: nobody reads them here, and they may be ID cards that must not be kept.</summary>
    public const string AttachmentsNotRead = "Em chưa xem được ảnh hay tệp gửi kèm. Anh/chị gõ câu hỏi bằng chữ giúp em nhé.";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).RequireCors(WebChatServiceCollectionExtensions.CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireConversationStartLimit();
        group.MapPost("/tokens/refresh", RefreshToken).RequireAuthorization(DirectLineAuthentication.RenewalPolicy);
        group.MapPost("/conversations", StartConversationAsync).RequireConversationStartLimit();
        group.MapPost(StaffSignIn.Route, StaffSignIn.SignIn);

        var conversation = group.MapGroup("/conversations/{conversationId}").RequireAuthorization(DirectLineAuthentication.ConversationPolicy);
        conversation.MapGet("", Reconnect);
        conversation.MapPost("/activities", PostActivityAsync);
        conversation.MapGet("/activities", GetActivities);
        conversation.MapPost("/upload", UploadAsync);
        conversation.Map("/stream", DirectLineStream.RunAsync).WithMetadata(DirectLineAuthentication.TokenInQuery);
        return app;
    }

    /// <summary>
    /// A token for a new conversation. The user id is chosen here, unless the request carries the Direct Line secret
    /// (the office's own backend), which may name it (<c>{"user":{"id":"…"}}</c>), or an earlier token of this host,
    /// whose user it continues (a reloaded page keeps its dossiers).
    /// </summary>
    internal static async Task<Results<Ok<TokenResponse>, JsonHttpResult<DirectLineError>>> GenerateTokenAsync(
        HttpContext http, ConversationRequest request, DirectLineConversations conversations, DirectLineTokens tokens, IOptions<DirectLineOptions> options) =>
        await NewConversationAsync(http, request, conversations, tokens, options.Value) switch
        {
            { } conversation => TokenFor(conversation, tokens),
            null => DirectLineError.TooManyConversations(),
        };

    /// <summary>
    /// A new token for the same conversation; an open page refreshes regularly, which keeps its conversation alive. A
    /// resident's expired token still renews its own conversation if it was issued within a day (a phone locked for an
    /// hour): holding the signed token proves the page had the conversation. Staff sign in again.
    /// </summary>
    internal static Results<Ok<TokenResponse>, JsonHttpResult<DirectLineError>> RefreshToken(
        DirectLineIdentity caller, DirectLineConversations conversations, DirectLineTokens tokens, TimeProvider time)
    {
        var grant = caller.Grant;
        if (conversations.Find(grant.ConversationId) is not { } conversation)
        {
            return DirectLineError.ConversationGone();
        }
        conversation.Touch(time.GetUtcNow());
        return TokenFor(conversation, tokens);
    }

    /// <summary>The answer to a token request, as Direct Line gives it.</summary>
    internal static Ok<TokenResponse> TokenFor(DirectLineConversation conversation, DirectLineTokens tokens) =>
        TypedResults.Ok(new TokenResponse(conversation.Id, tokens.Issue(conversation.Id, conversation.UserId, conversation.StaffName, conversation.Commune), (int)tokens.Lifetime.TotalSeconds));

    /// <summary>
    /// Starts the conversation a token was made for, or a new one when no token is given (the page is public,
    /// so anyone may start one), and greets the user. A token, when given, is checked by the conversation policy here
    /// rather than before the endpoint, since the endpoint also serves callers without one.
    /// </summary>
    internal static async Task<Results<Created<ConversationResponse>, JsonHttpResult<DirectLineError>, ChallengeHttpResult, ForbidHttpResult>> StartConversationAsync(
        HttpContext http, ConversationRequest request, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineAdapter adapter, IBot bot,
        IAuthorizationService authorization, IOptions<DirectLineOptions> options)
    {
        DirectLineConversation? conversation;
        string token;
        int expiresIn;
        if (DirectLineAuthentication.BearerToken(http.Request) is not { } bearer || IsSecret(bearer, options.Value))
        {
            conversation = await NewConversationAsync(http, request, conversations, tokens, options.Value);
            if (conversation is null)
            {
                return DirectLineError.TooManyConversations();
            }
            token = tokens.Issue(conversation.Id, conversation.UserId, conversation.StaffName, conversation.Commune);
            expiresIn = (int)tokens.Lifetime.TotalSeconds;
        }
        else
        {
            var authentication = await http.AuthenticateAsync(DirectLineAuthentication.Scheme);
            if (!authentication.Succeeded || DirectLineIdentity.Of(authentication.Principal) is not { } caller)
            {
                return TypedResults.Challenge(authenticationSchemes: [DirectLineAuthentication.Scheme]);
            }
            if (!(await authorization.AuthorizeAsync(authentication.Principal, http, DirectLineAuthentication.ConversationPolicy)).Succeeded)
            {
                return TypedResults.Forbid(authenticationSchemes: [DirectLineAuthentication.Scheme]);
            }
            conversation = conversations.Find(caller.Grant.ConversationId);
            if (conversation is null)
            {
                return DirectLineError.ConversationGone();
            }
            token = caller.Token;
            expiresIn = tokens.SecondsLeft(caller.Grant);
        }

        await adapter.StartAsync(conversation, bot.OnTurnAsync, TurnCancellation.Of(http));
        return TypedResults.Created((string?)null, new ConversationResponse(conversation.Id, token, expiresIn, StreamUrl(http.Request, conversation.Id, token, watermark: null)));
    }

    /// <summary>What DirectLineJS calls to reopen a dropped WebSocket: a fresh stream URL from a watermark.</summary>
    internal static Results<Ok<ConversationResponse>, JsonHttpResult<DirectLineError>> Reconnect(
        HttpContext http, DirectLineIdentity caller, string? watermark, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        if (conversations.Find(caller.Grant.ConversationId) is not { } conversation)
        {
            return DirectLineError.ConversationGone();
        }
        if (!TryParseWatermark(watermark, out var from))
        {
            return DirectLineError.BadWatermark();
        }
        return TypedResults.Ok(new ConversationResponse(conversation.Id, caller.Token, tokens.SecondsLeft(caller.Grant), StreamUrl(http.Request, conversation.Id, caller.Token, from)));
    }

    internal static Task<Results<Ok<ResourceResponse>, JsonHttpResult<DirectLineError>>> PostActivityAsync(
        HttpContext http, DirectLineIdentity caller, ClientActivity body, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot) =>
        RunActivityAsync(http, caller, body.Activity, conversations, adapter, bot);

    /// <summary>The paperclip's upload: its activity runs like a posted one, its files are never read.</summary>
    internal static Task<Results<Ok<ResourceResponse>, JsonHttpResult<DirectLineError>>> UploadAsync(
        HttpContext http, DirectLineIdentity caller, UploadedActivity body, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot) =>
        RunActivityAsync(http, caller, body.Activity, conversations, adapter, bot);

    private static async Task<Results<Ok<ResourceResponse>, JsonHttpResult<DirectLineError>>> RunActivityAsync(
        HttpContext http, DirectLineIdentity caller, Activity activity, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot)
    {
        if (conversations.Find(caller.Grant.ConversationId) is not { } conversation)
        {
            return DirectLineError.ConversationGone();
        }
        BotCallbackHandler turn = bot.OnTurnAsync;
        if (activity.Attachments is { Count: > 0 })
        {
            // Not kept in the transcript: a photo of a citizen ID must not sit in memory or storage.
            activity.Attachments = null;
            if (string.IsNullOrWhiteSpace(activity.Text))
            {
                turn = static (context, cancellationToken) => context.SendActivityAsync(MessageFactory.Text(AttachmentsNotRead), cancellationToken);
            }
        }

        var id = await adapter.ProcessActivityAsync(conversation, activity, ClientSource(http), turn, TurnCancellation.Of(http));
        return TypedResults.Ok(new ResourceResponse(id));
    }

    internal static Results<ContentHttpResult, JsonHttpResult<DirectLineError>> GetActivities(
        DirectLineIdentity caller, string? watermark, DirectLineConversations conversations)
    {
        if (conversations.Find(caller.Grant.ConversationId) is not { } conversation)
        {
            return DirectLineError.ConversationGone();
        }
        if (!TryParseWatermark(watermark, out var from))
        {
            return DirectLineError.BadWatermark();
        }
        return TypedResults.Content(ToJson(conversation.Read(from)), "application/json", Encoding.UTF8);
    }

    /// <summary>What guessing limits count against for a web chat user: the client's address (after trusted proxies).</summary>
    internal static string ClientSource(HttpContext http) => "ip:" + EdgeRateLimits.ClientAddress(http);

    /// <summary>
    /// Beside the page's public address (or the request's, after the forwarded headers of known proxies): behind an
    /// HTTPS proxy the browser must be told <c>wss://</c>, or it refuses the socket as mixed content.
    /// </summary>
    private static string StreamUrl(HttpRequest request, string conversationId, string token, int? watermark)
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value;
        var http = options.Resolve(request, $"{BasePath.TrimStart('/')}/conversations/{conversationId}/stream");
        var stream = new UriBuilder(http)
        {
            Scheme = http.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs,
            Port = http.IsDefaultPort ? -1 : http.Port,
            Query = $"t={Uri.EscapeDataString(token)}" + (watermark is null ? "" : $"&watermark={watermark}"),
        };
        return stream.Uri.AbsoluteUri;
    }

    internal static bool TryParseWatermark(string? watermark, out int value)
    {
        value = 0;
        return string.IsNullOrEmpty(watermark)
            || (int.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= 0);
    }

    internal static string ToJson(ActivitySet set)
    {
        var builder = new StringBuilder("{\"activities\":[");
        builder.AppendJoin(',', set.Activities);
        builder.Append("],\"watermark\":\"").Append(set.Watermark).Append("\"}");
        return builder.ToString();
    }

    /// <summary>
    /// A conversation for a server-chosen user, the user the secret's holder names, or the user of an earlier token;
    /// null when too many are open. A request without a commune, or with a token of no use, is refused.
    /// </summary>
    private static async Task<DirectLineConversation?> NewConversationAsync(
        HttpContext http, ConversationRequest request, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineOptions options)
    {
        // A resident's conversation is one commune's: with several, the address must name it.
        if (CommuneAddresses.Of(http) is not { } commune)
        {
            throw new DirectLineRefusal(
                DirectLineError.Answer(StatusCodes.Status404NotFound, "BadArgument", "Several communes are served here: open a commune's web chat at xa/{commune}/."),
                "No commune is named.");
        }
        var userId = $"dl_{Guid.NewGuid():N}";
        if (DirectLineAuthentication.BearerToken(http.Request) is { } bearer)
        {
            if (IsSecret(bearer, options))
            {
                userId = request.UserId ?? userId;
            }
            else if (await tokens.CarriedOverAsync(bearer) is { } earlier)
            {
                userId = earlier.UserId;
            }
            else
            {
                throw new DirectLineRefusal(DirectLineError.Answer(StatusCodes.Status401Unauthorized, "BadToken", "The token is not valid."), "The token is not valid.");
            }
        }
        return conversations.TryCreate(userId, commune: commune.Id);
    }

    private static bool IsSecret(string bearer, DirectLineOptions options) =>
        options.Secret.Length > 0 && StaffPassword.SameSecret(options.Secret, bearer);
}
