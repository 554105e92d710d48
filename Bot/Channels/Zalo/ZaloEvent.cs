using OneStopBot.Bot.Hosting;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.Channels.Zalo;

public enum ZaloEventKind
{
    /// <summary><c>user_send_text</c>.</summary>
    Text,
    Follow,
    Unfollow,
    /// <summary>Any other <c>user_send_*</c>: image, sticker, location, file, audio, …</summary>
    NonText,
    /// <summary>Events the bot has no use for, such as the OA's own <c>oa_send_text</c> echoes.</summary>
    Unknown,
}

/// <summary>
/// One webhook event. Zalo ids are numbers too large for some JSON readers, so every id is kept as a string
/// whether it came as a string or a number.
/// </summary>
/// <param name="UserId">The resident: <c>sender.id</c>, or <c>follower.id</c> for follow and unfollow.</param>
/// <param name="OaId">The Official Account: <c>recipient.id</c>, or <c>oa_id</c>.</param>
public sealed record ZaloEvent(
    string Name,
    string Timestamp,
    string? UserId,
    string? OaId,
    string? MessageId,
    string? Text,
    JObject Raw)
{
    public ZaloEventKind Kind => Name switch
    {
        "user_send_text" => ZaloEventKind.Text,
        "follow" => ZaloEventKind.Follow,
        "unfollow" => ZaloEventKind.Unfollow,
        _ when Name.StartsWith("user_send_", StringComparison.Ordinal) => ZaloEventKind.NonText,
        _ => ZaloEventKind.Unknown,
    };

    /// <summary>Longer keys are kept as their hash: the inbox's unique index takes keys of about 1 KB at most.</summary>
    private const int MaxKeyLength = 128;

    /// <summary>
    /// What identifies a redelivery: the message id, or for events without one the event itself; a key longer than
    /// Zalo's own ids (32 characters) is replaced by its SHA-256.
    /// </summary>
    public string DeliveryKey
    {
        get
        {
            var key = string.IsNullOrWhiteSpace(MessageId) ? $"{Name}:{UserId}:{Timestamp}" : MessageId;
            return key.Length <= MaxKeyLength ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }
    }

    /// <summary>When the user acted, from the millisecond timestamp; null when it is not a number.</summary>
    public DateTimeOffset? OccurredAt =>
        long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
        && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    /// <summary>Reads an event; <paramref name="error"/> says what is wrong when it cannot.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out ZaloEvent? zaloEvent, out string? error)
    {
        zaloEvent = null;
        JObject raw;
        try
        {
            // Dates stay text: a message that looks like a date must reach the bot exactly as typed.
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body)))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 32,
            };
            if (JToken.ReadFrom(reader) is not JObject obj || reader.Read())
            {
                error = ProblemTexts.ZaloNotObject;
                return false;
            }
            raw = obj;
        }
        catch (JsonException)
        {
            error = ProblemTexts.ZaloNotJson;
            return false;
        }

        var name = Scalar(raw["event_name"]);
        var timestamp = Scalar(raw["timestamp"]);
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(timestamp))
        {
            error = ProblemTexts.ZaloIncomplete;
            return false;
        }

        zaloEvent = new ZaloEvent(
            name,
            timestamp,
            UserId: Scalar(Child(raw, "follower", "id")) ?? Scalar(Child(raw, "sender", "id")),
            OaId: Scalar(Child(raw, "recipient", "id")) ?? Scalar(raw["oa_id"]),
            MessageId: Scalar(Child(raw, "message", "msg_id")),
            Text: Scalar(Child(raw, "message", "text")),
            raw);
        if (zaloEvent.Kind != ZaloEventKind.Unknown && string.IsNullOrEmpty(zaloEvent.UserId))
        {
            error = $"The {name} event does not say which user sent it.";
            zaloEvent = null;
            return false;
        }
        error = null;
        return true;
    }

    // Indexing a string or a number throws: a "sender" or "message" that is not an object simply has no fields.
    private static JToken? Child(JObject raw, string name, string field) => raw[name] is JObject child ? child[field] : null;

    private static string? Scalar(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => (string?)value,
        JValue { Type: JTokenType.Integer or JTokenType.Float } value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
