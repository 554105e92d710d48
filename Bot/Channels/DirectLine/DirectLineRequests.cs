using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// An activity a client posts, bound from the JSON body: a message, event or typing, at most
/// <see cref="DirectLineOptions.MaxBodyBytes"/>. Anything else is refused with Direct Line's 400 before the endpoint runs.
/// </summary>
public sealed record ClientActivity(Activity Activity)
{
    /// <summary>The kinds of activity a client may send; anything else is refused.</summary>
    private static readonly HashSet<string> ClientActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing,
    };

    private static readonly JsonSerializer ActivitySerializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);

    public static async ValueTask<ClientActivity> BindAsync(HttpContext http)
    {
        var body = await DirectLineBody.ReadAsync(http.Request.Body, http.Request.ContentLength, DirectLineBody.MaxBytes(http), http.RequestAborted)
            ?? throw DirectLineRefusal.BadArgument("The body is empty; an activity was expected.");
        return new ClientActivity(ToActivity(body));
    }

    internal static Activity ToActivity(JObject body)
    {
        if (body["type"] is not JValue { Type: JTokenType.String, Value: string type } || !ClientActivityTypes.Contains(type))
        {
            throw DirectLineRefusal.BadArgument("\"type\" must be \"message\", \"event\" or \"typing\".");
        }
        if (body["text"] is { } text && text.Type is not (JTokenType.String or JTokenType.Null))
        {
            throw DirectLineRefusal.BadArgument("\"text\" must be a string.");
        }
        try
        {
            return body.ToObject<Activity>(ActivitySerializer)!;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            throw DirectLineRefusal.BadArgument("The body is not a valid activity.");
        }
    }
}

/// <summary>
/// What the official client's paperclip sends: <c>multipart/form-data</c> whose first part is the activity. The files
/// after it are never read or kept; the activity is marked as having had an attachment, so the resident is asked to type.
/// </summary>
public sealed record UploadedActivity(Activity Activity)
{
    public static async ValueTask<UploadedActivity> BindAsync(HttpContext http)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw DirectLineRefusal.BadArgument("An upload must be multipart/form-data with a boundary.");
        }
        var maxBytes = DirectLineBody.MaxBytes(http);
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = maxBytes };
        JObject? body;
        try
        {
            var section = await reader.ReadNextSectionAsync(http.RequestAborted);
            if (section?.AsFormDataSection()?.Name != "activity")
            {
                throw DirectLineRefusal.BadArgument("The first part of an upload must be the activity.");
            }
            body = await DirectLineBody.ReadAsync(section.Body, null, maxBytes, http.RequestAborted)
                ?? throw DirectLineRefusal.BadArgument("The body is empty; an activity was expected.");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // Also a body cut short ("Unexpected end of stream"), which is the client's fault.
            throw DirectLineRefusal.BadArgument("The upload is not valid multipart/form-data.");
        }
        body["attachments"] = new JArray(new JObject { ["contentType"] = "application/octet-stream" });
        return new UploadedActivity(ClientActivity.ToActivity(body));
    }
}

/// <summary>
/// The optional body of a token or conversation request: <c>{"user":{"id":"…"}}</c>, which only the holder of the
/// Direct Line secret may use. Ids are short and plain so they are safe to log.
/// </summary>
public sealed record ConversationRequest(string? UserId)
{
    public static async ValueTask<ConversationRequest> BindAsync(HttpContext http)
    {
        var body = await DirectLineBody.ReadAsync(http.Request.Body, http.Request.ContentLength, DirectLineBody.MaxBytes(http), http.RequestAborted);
        var user = body?["user"];
        if (user is null || user.Type == JTokenType.Null)
        {
            return new ConversationRequest((string?)null);
        }
        var requested = user is JObject account ? account["id"] : user;
        if (requested is null || requested.Type == JTokenType.Null)
        {
            return new ConversationRequest((string?)null);
        }
        return requested is JValue { Type: JTokenType.String, Value: string id } && user is JObject && id.Length is > 0 and <= 64 && id.All(IsIdCharacter)
            ? new ConversationRequest(id)
            : throw DirectLineRefusal.BadArgument("\"user\" must be an object whose \"id\" is 1–64 letters, digits, '_', '-' or ':'.");
    }

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':';
}

/// <summary>Reading a JSON object body within the size limit, refusing anything else.</summary>
internal static class DirectLineBody
{
    public static int MaxBytes(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxBodyBytes;

    /// <summary>The body's JSON object; null when the body is empty.</summary>
    public static async Task<JObject?> ReadAsync(Stream source, long? length, int maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await CappedBody.ReadAsync(source, length, maxBytes, cancellationToken);
        if (bytes is null)
        {
            throw new DirectLineRefusal(tooLarge!, "The body is too large.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw DirectLineRefusal.BadArgument("The body is not valid UTF-8.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JToken.Parse(text) as JObject ?? throw DirectLineRefusal.BadArgument("The body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw DirectLineRefusal.BadArgument("The body is not valid JSON.");
        }
    }
}
