using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// The evaluation contract's line format:
/// <c>{"text":"…","intent":"…","procedure":"…"|null,"score":0.0,"alternatives":["…"]}</c>, one line, UTF-8,
/// Vietnamese letters written as they are.
/// </summary>
public static class UnderstandingJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Serialize(Understanding understanding)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("text", understanding.Text);
            writer.WriteString("intent", IntentName(understanding.Intent));
            if (understanding.ProcedureId is null)
            {
                writer.WriteNull("procedure");
            }
            else
            {
                writer.WriteString("procedure", understanding.ProcedureId);
            }

            // Always with a decimal point ("1.0", "0.85"), as the contract shows.
            writer.WritePropertyName("score");
            writer.WriteRawValue(Math.Round(understanding.Score, 2).ToString("0.0#", CultureInfo.InvariantCulture));
            writer.WriteStartArray("alternatives");
            foreach (var alternative in understanding.Alternatives)
            {
                writer.WriteStringValue(alternative);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The lower-case name of an intent in the contract ("ask", "none", ...).</summary>
    public static string IntentName(Intent intent) => JsonSerializer.Serialize(intent).Trim('"');
}
