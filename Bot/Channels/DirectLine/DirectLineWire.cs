using Microsoft.AspNetCore.Http.HttpResults;
using JsonPropertyName = System.Text.Json.Serialization.JsonPropertyNameAttribute;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>The answer to a token request, as Direct Line gives it.</summary>
public sealed record TokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The answer to starting or reconnecting a conversation: its token and where its stream is.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string StreamUrl);

/// <summary>Direct Line's own error shape, <c>{"error":{"code":…,"message":…}}</c>, which its clients read.</summary>
public sealed record DirectLineError(DirectLineErrorDetail Error)
{
    public static JsonHttpResult<DirectLineError> Answer(int status, string code, string message) =>
        TypedResults.Json(new DirectLineError(new DirectLineErrorDetail(code, message)), statusCode: status);

    public static JsonHttpResult<DirectLineError> BadArgument(string message) =>
        Answer(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static JsonHttpResult<DirectLineError> ConversationGone() =>
        Answer(StatusCodes.Status404NotFound, "BadArgument", "The conversation has ended or does not exist; start a new one.");

    public static JsonHttpResult<DirectLineError> TooManyConversations() =>
        Answer(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many conversations are open; try again in a few minutes.");

    public static JsonHttpResult<DirectLineError> BadWatermark() =>
        BadArgument("\"watermark\" must be a whole number of at least 0.");
}

public sealed record DirectLineErrorDetail(string Code, string Message);

/// <summary>
/// A request refused while its body is bound (not JSON, not an activity, too large): the exception handler answers it
/// with its own result, so that the endpoints receive only well-formed bodies.
/// </summary>
public sealed class DirectLineRefusal(IResult answer, string reason) : Exception(reason)
{
    public IResult Answer { get; } = answer;

    public static DirectLineRefusal BadArgument(string message) => new(DirectLineError.BadArgument(message), message);
}

/// <summary>Answers a <see cref="DirectLineRefusal"/> with its result; every other exception goes on to the ProblemDetails handler.</summary>
public sealed class DirectLineRefusals : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DirectLineRefusal refusal)
        {
            return false;
        }
        await refusal.Answer.ExecuteAsync(httpContext);
        return true;
    }
}
