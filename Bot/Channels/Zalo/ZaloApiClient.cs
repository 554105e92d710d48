using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>Zalo's answer to an API call. Zalo answers HTTP 200 even on failure; <see cref="Error"/> tells.</summary>
public sealed record ZaloApiResult(int Error, string Message, string? MessageId)
{
    public bool Succeeded => Error == 0;

    internal static ZaloApiResult Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new ZaloApiResult(UnreadableAnswer, "The answer is not a JSON object.", null);
        }
        var error = body.TryGetProperty("error", out var e) ? AsInt(e) : null;
        var message = body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
        var messageId = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("message_id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        return new ZaloApiResult(error ?? UnreadableAnswer, error is null ? "The answer has no error field." : message, messageId);
    }

    /// <summary>Not a Zalo code: the answer could not be understood at all.</summary>
    internal const int UnreadableAnswer = int.MinValue;

    internal static int? AsInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}

/// <summary>The OA API v3 (typed HTTP client, base address <c>Zalo:ApiBaseUrl</c>).</summary>
public sealed class ZaloApiClient(HttpClient http)
{
    public const string CustomerServicePath = "v3.0/oa/message/cs";

    /// <summary>Sends a customer-service text message. HTTP failures throw; Zalo's own errors come back in the result.</summary>
    public async Task<ZaloApiResult> SendTextAsync(string userId, string text, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CustomerServicePath)
        {
            Content = JsonContent.Create(new TextMessageRequest(new Recipient(userId), new TextMessage(text))),
        };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        try
        {
            return ZaloApiResult.Read(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
        }
        catch (JsonException)
        {
            return new ZaloApiResult(ZaloApiResult.UnreadableAnswer, "The answer is not valid JSON.", null);
        }
    }

    private sealed record TextMessageRequest(
        [property: JsonPropertyName("recipient")] Recipient Recipient,
        [property: JsonPropertyName("message")] TextMessage Message);

    private sealed record Recipient([property: JsonPropertyName("user_id")] string UserId);

    private sealed record TextMessage([property: JsonPropertyName("text")] string Text);
}
