using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Builder;
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

        request.EnableBuffering(bufferThreshold: MaxBodyBytes, bufferLimit: MaxBodyBytes);
        var (serviceUrl, refusal) = await CheckActivityAsync(request, security.IsAnonymous, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        request.Body.Position = 0;
        try
        {
            await adapter.ProcessAsync(request, context.Response, bot, context.RequestAborted);
        }
        catch (Exception exception) when (exception is SecurityTokenException or ArgumentException && !context.Response.HasStarted)
        {
            // A token the SDK could not read at all (it turns only well-formed bad tokens into 401 itself).
            return Unauthenticated();
        }
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.HasStarted)
        {
            // The SDK refuses a token with a bare 401; callers get the same problem body as every other refusal.
            return Unauthenticated();
        }
        if (!security.IsAnonymous && context.Response.StatusCode < 300)
        {
            security.Trust(serviceUrl!);
        }
        return new AlreadyWritten();
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

    /// <summary>The activity's serviceUrl, or why the body is not an Activity the adapter may take.</summary>
    private static async Task<(Uri? ServiceUrl, IResult? Refusal)> CheckActivityAsync(HttpRequest request, bool anonymous, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (IOException)
        {
            return (null, TooLarge());
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, BadRequest("The body is empty; an Activity was expected."));
        }

        try
        {
            var json = JToken.Parse(body);
            if (json is not JObject obj)
            {
                return (null, BadRequest("The body is not an Activity object."));
            }
            var missing = RequiredFields.FirstOrDefault(path => obj.SelectToken(path)?.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)obj.SelectToken(path)));
            if (missing is not null)
            {
                return (null, BadRequest($"The Activity has no \"{missing}\"."));
            }
            if (!Uri.TryCreate((string?)obj["serviceUrl"], UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            {
                return (null, BadRequest("\"serviceUrl\" must be an absolute http or https URL."));
            }
            if (anonymous && !ConnectorSecurity.IsLoopback(serviceUrl))
            {
                return (null, Forbidden("Without MicrosoftAppId the bot answers loopback serviceUrls only."));
            }
            if (ConnectorSecurity.IsOwnChannel((string)obj["channelId"]!))
            {
                return (null, Forbidden("This channel has its own endpoint on this host; it cannot be used here."));
            }
            return (serviceUrl, null);
        }
        catch (JsonException)
        {
            return (null, BadRequest("The body is not valid JSON."));
        }
    }

    private static IResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>The adapter has already written the response.</summary>
    private sealed class AlreadyWritten : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}
