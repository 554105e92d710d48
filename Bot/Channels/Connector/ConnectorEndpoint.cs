using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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
    private static readonly string[] RequiredFields = ["type", "channelId", "serviceUrl", "conversation.id", "from.id"];

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
            return TypedResults.Problem("Content-Type must be application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        // Buffering with a limit caps a body sent without a length, too.
        request.EnableBuffering(bufferThreshold: MaxBodyBytes, bufferLimit: MaxBodyBytes);
        var (activity, serviceUrl, refusal) = await ReadActivityAsync(request, security.IsAnonymous, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        InvokeResponse? answer;
        try
        {
            answer = await adapter.ProcessAsync(request.Headers.Authorization.ToString(), activity!, bot, context.RequestAborted);
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

    private static bool IsReadableBearer(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            new JsonWebTokenHandler().ReadJsonWebToken(header[scheme.Length..].Trim());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge() =>
        TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body as an Activity with its serviceUrl, or why it is not one the adapter may take.</summary>
    private static async Task<(Activity? Activity, Uri? ServiceUrl, IResult? Refusal)> ReadActivityAsync(HttpRequest request, bool anonymous, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (IOException)
        {
            return (null, null, TooLarge());
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, BadRequest("The body is empty; an Activity was expected."));
        }

        try
        {
            var json = JToken.Parse(body);
            if (json is not JObject obj)
            {
                return (null, null, BadRequest("The body is not an Activity object."));
            }
            var missing = RequiredFields.FirstOrDefault(path => obj.SelectToken(path)?.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)obj.SelectToken(path)));
            if (missing is not null)
            {
                return (null, null, BadRequest($"The Activity has no \"{missing}\"."));
            }
            if (!Uri.TryCreate((string?)obj["serviceUrl"], UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            {
                return (null, null, BadRequest("\"serviceUrl\" must be an absolute http or https URL."));
            }
            if (anonymous && !ConnectorSecurity.IsLoopback(serviceUrl))
            {
                return (null, null, Forbidden("Without MicrosoftAppId the bot answers loopback serviceUrls only."));
            }
            if (ConnectorSecurity.IsOwnChannel((string)obj["channelId"]!))
            {
                return (null, null, Forbidden("This channel has its own endpoint on this host; it cannot be used here."));
            }
            return (obj.ToObject<Activity>(ActivityReader), serviceUrl, null);
        }
        catch (JsonException)
        {
            return (null, null, BadRequest("The body is not valid JSON."));
        }
    }

    private static IResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    // The Bot Framework's own reading of an Activity, from the object already parsed.
    private static readonly JsonSerializer ActivityReader = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);

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
