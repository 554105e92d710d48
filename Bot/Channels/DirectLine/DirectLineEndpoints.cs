using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Edge;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;
using JsonPropertyName = System.Text.Json.Serialization.JsonPropertyNameAttribute;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST surface that Web Chat and DirectLineJS use: tokens, conversations, activities
/// (post and poll) and the WebSocket stream. Errors use Direct Line's own <c>{"error":{code,message}}</c> shape.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    /// <summary>The kinds of activity a client may send; anything else is refused.</summary>
    private static readonly HashSet<string> ClientActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing,
    };

    /// <summary>The answer to a picture or file: nobody reads them here, and they may be ID cards that must not be kept.</summary>
    public const string AttachmentsNotRead = "Em chưa xem được ảnh hay tệp gửi kèm. Anh/chị gõ câu hỏi bằng chữ giúp em nhé.";

    private static readonly JsonSerializer ActivitySerializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        var group = app.MapGroup(BasePath).RequireCors(WebChatServiceCollectionExtensions.CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(EdgeRateLimits.ConversationStarts);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(EdgeRateLimits.ConversationStarts);
        group.MapPost(StaffSignIn.Route, StaffSignIn.SignInAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        group.Map("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        return app;
    }

    /// <summary>
    /// A token for a new conversation. The user id is chosen here, unless the request carries the Direct Line secret
    /// (the office's own backend), which may name it (<c>{"user":{"id":"…"}}</c>), or an earlier token of this host,
    /// whose user it continues (a reloaded page keeps its dossiers).
    /// </summary>
    internal static async Task<IResult> GenerateTokenAsync(HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var (conversation, error) = await NewConversationAsync(http.Request, conversations, tokens, options.Value);
        return conversation is null ? error! : TokenFor(conversation, tokens);
    }

    /// <summary>
    /// A new token for the same conversation; an open page refreshes regularly, which keeps its conversation alive. A
    /// resident's expired token still renews its own conversation if it was issued within a day (a phone locked for an
    /// hour): holding the signed token proves the page had the conversation. Staff sign in again.
    /// </summary>
    internal static async Task<IResult> RefreshTokenAsync(HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, TimeProvider time)
    {
        var (grant, error) = await AuthorizeAsync(http, tokens, conversationId: null);
        if (grant is null && BearerToken(http.Request) is { } expired && await tokens.CarriedOverAsync(expired) is { } earlier)
        {
            if (ForAnotherCommune(http, earlier))
            {
                return OtherCommune();
            }
            grant = earlier;
        }
        if (grant is null)
        {
            return error!;
        }
        var conversation = conversations.Find(grant.ConversationId);
        if (conversation is null)
        {
            return ConversationGone();
        }
        conversation.Touch(time.GetUtcNow());
        var token = tokens.Issue(grant.ConversationId, grant.UserId, conversation.StaffName, conversation.Commune);
        return Results.Json(new TokenResponse(grant.ConversationId, token, (int)tokens.Lifetime.TotalSeconds));
    }

    /// <summary>The answer to a token request, as Direct Line gives it.</summary>
    internal static IResult TokenFor(DirectLineConversation conversation, DirectLineTokens tokens) =>
        Results.Json(new TokenResponse(conversation.Id, tokens.Issue(conversation.Id, conversation.UserId, conversation.StaffName, conversation.Commune), (int)tokens.Lifetime.TotalSeconds));

    /// <summary>
    /// Starts the conversation a token was made for, or a new one when no token is given (the page is public,
    /// so anyone may start one), and greets the user.
    /// </summary>
    internal static async Task<IResult> StartConversationAsync(
        HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineAdapter adapter, IBot bot,
        IOptions<DirectLineOptions> options)
    {
        DirectLineConversation? conversation;
        DirectLineGrant? grant = null;
        string token;
        if (BearerToken(http.Request) is not { } bearer || IsSecret(bearer, options.Value))
        {
            (conversation, var error) = await NewConversationAsync(http.Request, conversations, tokens, options.Value);
            if (conversation is null)
            {
                return error!;
            }
            token = tokens.Issue(conversation.Id, conversation.UserId, conversation.StaffName, conversation.Commune);
        }
        else
        {
            (grant, var error) = await AuthorizeAsync(http, tokens, conversationId: null);
            if (grant is null)
            {
                return error!;
            }
            conversation = conversations.Find(grant.ConversationId);
            if (conversation is null)
            {
                return ConversationGone();
            }
            token = BearerToken(http.Request)!;
        }

        await adapter.StartAsync(conversation, bot.OnTurnAsync, CancellationToken.None);
        var response = new ConversationResponse(conversation.Id, token, grant is null ? (int)tokens.Lifetime.TotalSeconds : tokens.SecondsLeft(grant), StreamUrl(http.Request, conversation.Id, token, watermark: null));
        return Results.Json(response, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>What DirectLineJS calls to reopen a dropped WebSocket: a fresh stream URL from a watermark.</summary>
    internal static async Task<IResult> ReconnectAsync(HttpContext http, string conversationId, string? watermark, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (conversation, token, grant, error) = await OpenAsync(http, conversationId, conversations, tokens);
        if (conversation is null)
        {
            return error!;
        }
        if (!TryParseWatermark(watermark, out var from))
        {
            return BadWatermark();
        }
        var response = new ConversationResponse(conversation.Id, token!, tokens.SecondsLeft(grant!), StreamUrl(http.Request, conversation.Id, token!, from));
        return Results.Json(response);
    }

    internal static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineConversations conversations, DirectLineTokens tokens,
        DirectLineAdapter adapter, IBot bot, IOptions<DirectLineOptions> options)
    {
        var (conversation, _, _, error) = await OpenAsync(http, conversationId, conversations, tokens);
        if (conversation is null)
        {
            return error!;
        }
        var (body, bodyError) = await ReadJsonAsync(http.Request.Body, http.Request.ContentLength, options.Value.MaxBodyBytes, required: true, http.RequestAborted);
        return bodyError ?? await RunActivityAsync(http, conversation, body!, adapter, bot);
    }

    /// <summary>
    /// What the official client's paperclip sends: <c>multipart/form-data</c> whose first part is the activity. The
    /// files after it are never read or kept; the resident is asked to type instead.
    /// </summary>
    internal static async Task<IResult> UploadAsync(
        HttpContext http, string conversationId, DirectLineConversations conversations, DirectLineTokens tokens,
        DirectLineAdapter adapter, IBot bot, IOptions<DirectLineOptions> options)
    {
        var (conversation, _, _, error) = await OpenAsync(http, conversationId, conversations, tokens);
        if (conversation is null)
        {
            return error!;
        }
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "An upload must be multipart/form-data with a boundary.");
        }
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = options.Value.MaxBodyBytes };
        JObject? body;
        try
        {
            var section = await reader.ReadNextSectionAsync(http.RequestAborted);
            if (section?.AsFormDataSection()?.Name != "activity")
            {
                return Error(StatusCodes.Status400BadRequest, "BadArgument", "The first part of an upload must be the activity.");
            }
            (body, var bodyError) = await ReadJsonAsync(section.Body, null, options.Value.MaxBodyBytes, required: true, http.RequestAborted);
            if (bodyError is not null)
            {
                return bodyError;
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // Also a body cut short ("Unexpected end of stream"), which is the client's fault.
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The upload is not valid multipart/form-data.");
        }
        body!["attachments"] = new JArray(new JObject { ["contentType"] = "application/octet-stream" });
        return await RunActivityAsync(http, conversation, body, adapter, bot);
    }

    private static async Task<IResult> RunActivityAsync(HttpContext http, DirectLineConversation conversation, JObject body, DirectLineAdapter adapter, IBot bot)
    {
        var (activity, activityError) = ToActivity(body);
        if (activity is null)
        {
            return activityError!;
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

        // The turn is not tied to the request: a visitor closing the tab must not cut a turn (and its saved state) in half.
        var id = await adapter.ProcessActivityAsync(conversation, activity, ClientSource(http), turn, CancellationToken.None);
        return Results.Json(new ResourceResponse(id));
    }

    internal static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, string? watermark, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (conversation, _, _, error) = await OpenAsync(http, conversationId, conversations, tokens);
        if (conversation is null)
        {
            return error!;
        }
        if (!TryParseWatermark(watermark, out var from))
        {
            return BadWatermark();
        }
        return Results.Content(ToJson(conversation.Read(from)), "application/json", Encoding.UTF8);
    }

    /// <summary>The conversation a request names, once its token is checked against it.</summary>
    internal static async Task<(DirectLineConversation? Conversation, string? Token, DirectLineGrant? Grant, IResult? Error)> OpenAsync(
        HttpContext http, string conversationId, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (grant, error) = await AuthorizeAsync(http, tokens, conversationId);
        if (grant is null)
        {
            return (null, null, null, error);
        }
        var conversation = conversations.Find(conversationId);
        return conversation is null
            ? (null, null, null, ConversationGone())
            : (conversation, BearerToken(http.Request) ?? http.Request.Query["t"].ToString(), grant, null);
    }

    /// <summary>Checks the bearer token (or, for WebSockets which cannot send headers, the <c>t</c> query parameter).</summary>
    private static async Task<(DirectLineGrant? Grant, IResult? Error)> AuthorizeAsync(HttpContext http, DirectLineTokens tokens, string? conversationId)
    {
        var token = BearerToken(http.Request) ?? http.Request.Query["t"].ToString();
        var check = await tokens.CheckAsync(token);
        return check.Status switch
        {
            TokenStatus.Missing => (null, Error(StatusCodes.Status401Unauthorized, "MissingToken", "A Direct Line token is required (Authorization: Bearer …).")),
            TokenStatus.Invalid => (null, Error(StatusCodes.Status401Unauthorized, "BadToken", "The token is not valid.")),
            // 403 is what DirectLineJS reads as "token expired".
            TokenStatus.Expired => (null, Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.")),
            _ when conversationId is not null && check.Grant!.ConversationId != conversationId =>
                (null, Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation.")),
            _ when ForAnotherCommune(http, check.Grant!) => (null, OtherCommune()),
            _ => (check.Grant, null),
        };
    }

    /// <summary>
    /// A resident's token made for another commune's web chat than the one this address serves: refused, so that a
    /// conversation stays in the commune it was opened for whatever address the requests go to. Staff act for their own.
    /// </summary>
    private static bool ForAnotherCommune(HttpContext http, DirectLineGrant grant)
    {
        var directory = http.RequestServices.GetRequiredService<CommuneDirectory>();
        return grant.StaffName is null && (grant.Commune ?? directory.Single?.Id) != CommuneAddresses.Of(http)?.Id;
    }

    private static IResult OtherCommune() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another commune's web chat.");

    /// <summary>What guessing limits count against for a web chat user: the client's address (after trusted proxies).</summary>
    internal static string ClientSource(HttpContext http) => "ip:" + EdgeRateLimits.ClientAddress(http);

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

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

    private static async Task<(JObject? Body, IResult? Error)> ReadJsonAsync(Stream source, long? length, int maxBytes, bool required, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await CappedBody.ReadAsync(source, length, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, tooLarge);
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid UTF-8."));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is empty; an activity was expected.")) : (null, null);
        }
        try
        {
            return JToken.Parse(text) is JObject body
                ? (body, null)
                : (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON."));
        }
    }

    private static (Activity? Activity, IResult? Error) ToActivity(JObject body)
    {
        if (body["type"] is not JValue { Type: JTokenType.String, Value: string type } || !ClientActivityTypes.Contains(type))
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "\"type\" must be \"message\", \"event\" or \"typing\"."));
        }
        if (body["text"] is { } text && text.Type is not (JTokenType.String or JTokenType.Null))
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "\"text\" must be a string."));
        }
        try
        {
            return (body.ToObject<Activity>(ActivitySerializer), null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not a valid activity."));
        }
    }

    /// <summary>A conversation for a server-chosen user, the user the secret's holder names, or the user of an earlier token.</summary>
    private static async Task<(DirectLineConversation? Conversation, IResult? Error)> NewConversationAsync(
        HttpRequest request, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineOptions options)
    {
        var (body, error) = await ReadJsonAsync(request.Body, request.ContentLength, options.MaxBodyBytes, required: false, request.HttpContext.RequestAborted);
        if (error is not null)
        {
            return (null, error);
        }
        var (requested, userError) = UserIdFrom(body);
        if (userError is not null)
        {
            return (null, userError);
        }
        // A resident's conversation is one commune's: with several, the address must name it.
        if (CommuneAddresses.Of(request.HttpContext) is not { } commune)
        {
            return (null, Error(StatusCodes.Status404NotFound, "BadArgument", "Several communes are served here: open a commune's web chat at xa/{commune}/."));
        }
        var userId = $"dl_{Guid.NewGuid():N}";
        if (BearerToken(request) is { } bearer)
        {
            if (IsSecret(bearer, options))
            {
                userId = requested ?? userId;
            }
            else if (await tokens.CarriedOverAsync(bearer) is { } earlier)
            {
                userId = earlier.UserId;
            }
            else
            {
                return (null, Error(StatusCodes.Status401Unauthorized, "BadToken", "The token is not valid."));
            }
        }
        return conversations.TryCreate(userId, commune: commune.Id) is { } conversation ? (conversation, null) : (null, Full());
    }

    /// <summary>The user id the body names, if any; ids are short and plain so they are safe to log.</summary>
    private static (string? UserId, IResult? Error) UserIdFrom(JObject? body)
    {
        var user = body?["user"];
        if (user is null || user.Type == JTokenType.Null)
        {
            return (null, null);
        }
        var requested = user is JObject account ? account["id"] : user;
        if (requested is null || requested.Type == JTokenType.Null)
        {
            return (null, null);
        }
        return requested is JValue { Type: JTokenType.String, Value: string id } && user is JObject && id.Length is > 0 and <= 64 && id.All(IsIdCharacter)
            ? (id, null)
            : (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "\"user\" must be an object whose \"id\" is 1–64 letters, digits, '_', '-' or ':'."));
    }

    private static bool IsSecret(string bearer, DirectLineOptions options) =>
        options.Secret.Length > 0 && StaffPassword.SameSecret(options.Secret, bearer);

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':';

    private static IResult ConversationGone() =>
        Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation has ended or does not exist; start a new one.");

    private static IResult Full() =>
        Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many conversations are open; try again in a few minutes.");

    private static IResult BadWatermark() =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", "\"watermark\" must be a whole number of at least 0.");

    internal static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorDetail(code, message)), statusCode: status);

    private sealed record TokenResponse(
        string ConversationId,
        string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        string StreamUrl);

    private sealed record ErrorResponse(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
