using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.Channels.Connector;

/// <summary>
/// <c>POST /api/messages</c>. Requests are checked before the adapter sees them, so that anything that is not
/// an Activity gets a 4xx rather than an exception inside the SDK.
/// </summary>
public static class ConnectorEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>What the adapter and the state stores need of every incoming Activity.</summary>
    private static readonly string[] RequiredFields = ["type", "channelId", "serviceUrl", "conversation.id", "from.id"];

    public static async Task<IResult> HandleAsync(HttpContext context, ConnectorAdapter adapter, IBot bot)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return TypedResults.Problem("Content-Type must be application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        request.EnableBuffering(bufferThreshold: MaxBodyBytes, bufferLimit: MaxBodyBytes);
        if (await CheckActivityAsync(request, context.RequestAborted) is { } refusal)
        {
            return refusal;
        }

        request.Body.Position = 0;
        await adapter.ProcessAsync(request, context.Response, bot, context.RequestAborted);
        return new AlreadyWritten();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge() =>
        TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>Why the body is not an Activity the adapter can take, or null when it is one.</summary>
    private static async Task<IResult?> CheckActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (IOException)
        {
            return TooLarge();
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return TypedResults.Problem("The body is empty; an Activity was expected.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var json = JToken.Parse(body);
            if (json is not JObject obj)
            {
                return TypedResults.Problem("The body is not an Activity object.", statusCode: StatusCodes.Status400BadRequest);
            }
            var missing = RequiredFields.FirstOrDefault(path => obj.SelectToken(path)?.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)obj.SelectToken(path)));
            if (missing is not null)
            {
                return TypedResults.Problem($"The Activity has no \"{missing}\".", statusCode: StatusCodes.Status400BadRequest);
            }
            return null;
        }
        catch (JsonException)
        {
            return TypedResults.Problem("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The adapter has already written the response.</summary>
    private sealed class AlreadyWritten : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}
