using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;

namespace OneStopBot.Bot.Channels.Connector;

/// <summary>
/// <c>POST /api/messages</c>. Requests are checked before the adapter sees them, so that anything that is not
/// an Activity, or not from a caller this mode accepts (see <see cref="ConnectorSecurity"/>), gets a 4xx rather than
/// an exception inside the SDK.
/// </summary>
public static class ConnectorEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>What the adapter and the state stores need of every incoming Activity.</summary>
    private static readonly (string Name, Func<Activity, string?> Value)[] RequiredFields =
    [
        ("type", a => a.Type), ("channelId", a => a.ChannelId), ("serviceUrl", a => a.ServiceUrl),
        ("conversation.id", a => a.Conversation?.Id), ("from.id", a => a.From?.Id),
    ];

    public static async Task<IResult> HandleAsync(HttpContext context, ConnectorAdapter adapter, IBot bot, ConnectorSecurity security)
    {
        var request = context.Request;
        if (security.IsAnonymous && !ConnectorSecurity.IsLoopback(context.Connection.RemoteIpAddress))
        {
            return TypedResults.Problem(
                "This endpoint runs without MicrosoftAppId and accepts local callers only.", statusCode: StatusCodes.Status403Forbidden);
        }
        if (request.Headers.Authorization.Count > 0 && !IsReadableBearer(request.Headers.Authorization.ToString()))
        {
            return Unauthenticated();
        }
        if (!IsJson(request.ContentType))
        {
            return TypedResults.Problem("Content-Type phải là application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        var (activity, serviceUrl, refusal) = await ReadActivityAsync(request, security.IsAnonymous);
        if (refusal is not null)
        {
            return refusal;
        }

        InvokeResponse? answer;
        try
        {
            answer = await adapter.ProcessAsync(request.Headers.Authorization.ToString(), activity!, bot, TurnCancellation.Of(context));
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or SecurityTokenException or ArgumentException)
        {
            // A token the SDK refused or could not read at all.
            return Unauthenticated();
        }
        if (!security.IsAnonymous)
        {
            security.Trust(serviceUrl!);
        }
        return answer is null
            ? TypedResults.Ok()
            : new ActivityAnswer(answer.Status, answer.Body is null ? null : JsonConvert.SerializeObject(answer.Body, HttpHelper.BotMessageSerializerSettings));
    }

    private static IResult Unauthenticated() =>
        TypedResults.Problem("The Authorization header is not a valid Bot Framework token.", statusCode: StatusCodes.Status401Unauthorized);

    // Reading a token keeps no state in the handler: one serves every request.
    private static readonly JsonWebTokenHandler TokenReader = new();

    private static bool IsReadableBearer(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            TokenReader.ReadJsonWebToken(header[scheme.Length..].Trim());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The body, read once and capped, as the Activity the adapter is handed (so the SDK parses nothing again), with its
    /// serviceUrl; or why it is not one the adapter may take.
    /// </summary>
    private static async Task<(Activity? Activity, Uri? ServiceUrl, IResult? Refusal)> ReadActivityAsync(HttpRequest request, bool anonymous)
    {
        var (body, tooLarge) = await CappedBody.ReadAsync(request, MaxBodyBytes);
        if (tooLarge is not null)
        {
            return (null, null, tooLarge);
        }

        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body!)));
            activity = ActivityReader.Deserialize<Activity>(reader);
            if (activity is not null && reader.Read())
            {
                return (null, null, BadRequest("Nội dung có nhiều hơn một giá trị JSON."));
            }
        }
        catch (JsonException)
        {
            return (null, null, BadRequest("Nội dung không phải một Activity viết bằng JSON hợp lệ."));
        }
        if (activity is null)
        {
            return (null, null, BadRequest("Nội dung trống; cần một Activity."));
        }

        var missing = RequiredFields.FirstOrDefault(field => string.IsNullOrWhiteSpace(field.Value(activity)));
        if (missing.Name is not null)
        {
            return (null, null, BadRequest($"Activity thiếu trường \"{missing.Name}\"."));
        }
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return (null, null, BadRequest("\"serviceUrl\" phải là địa chỉ http hoặc https đầy đủ."));
        }
        if (anonymous && !ConnectorSecurity.IsLoopback(serviceUrl))
        {
            return (null, null, Forbidden("Without MicrosoftAppId the bot answers loopback serviceUrls only."));
        }
        if (ConnectorSecurity.IsOwnChannel(activity.ChannelId))
        {
            return (null, null, Forbidden("This channel has its own endpoint on this host; it cannot be used here."));
        }
        return (activity, serviceUrl, null);
    }

    private static IResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    // The Bot Framework's own reading of an Activity, nested no deeper than Newtonsoft's default allows (the SDK's
    // settings lift the limit, and a deeply nested body must be refused, not recursed into).
    private static readonly JsonSerializer ActivityReader = CreateActivityReader();

    private static JsonSerializer CreateActivityReader()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.MaxDepth = 64;
        return serializer;
    }

    /// <summary>The turn's answer as the SDK writes it: its status, and its body (expected replies, an invoke's value) as JSON.</summary>
    private sealed class ActivityAnswer(int status, string? json) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (json is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
            }
        }
    }
}
