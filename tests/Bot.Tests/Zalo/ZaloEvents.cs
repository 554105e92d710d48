using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStopBot.Bot.Tests.Zalo;

/// <summary>Webhook bodies shaped like Zalo's, with the OA and app of <see cref="ZaloTestHost"/>.</summary>
public static class ZaloEvents
{
    /// <summary>Now, in Zalo's milliseconds: the webhook refuses events that are not recent.</summary>
    public static string Timestamp => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="oaId">The OA written to; the host's own unless a test says another.</param>
    public static string Text(string userId, string msgId, string text, string oaId = ZaloTestHost.OaId) => Serialize(new JsonObject
    {
        ["app_id"] = ZaloTestHost.AppId,
        ["user_id_by_app"] = "552177279717587730",
        ["event_name"] = "user_send_text",
        ["timestamp"] = Timestamp,
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = oaId },
        ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = msgId },
    });

    public static string Attachment(string eventName, string userId, string msgId, string type) => Serialize(new JsonObject
    {
        ["app_id"] = ZaloTestHost.AppId,
        ["event_name"] = eventName,
        ["timestamp"] = Timestamp,
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = ZaloTestHost.OaId },
        ["message"] = new JsonObject
        {
            ["msg_id"] = msgId,
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = "https://example.org/a" } }),
        },
    });

    public static string Follow(string eventName, string userId) => Serialize(new JsonObject
    {
        ["oa_id"] = ZaloTestHost.OaId,
        ["follower"] = new JsonObject { ["id"] = userId },
        ["user_id_by_app"] = "552177279717587730",
        ["event_name"] = eventName,
        ["source"] = "oa_profile",
        ["app_id"] = ZaloTestHost.AppId,
        ["timestamp"] = Timestamp,
    });

    /// <summary>The body's timestamp field as its raw text, which is what the signature covers.</summary>
    public static string TimestampOf(string json)
    {
        var value = JsonNode.Parse(json)?["timestamp"];
        return value is null ? string.Empty : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    // Zalo sends Vietnamese as raw UTF-8, not as \u escapes.
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize(JsonObject body) => body.ToJsonString(Raw);
}
