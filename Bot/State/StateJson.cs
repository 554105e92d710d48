using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.State;

/// <summary>
/// How bot state is written as JSON, the same on every storage engine. Typed objects come back with their type: a
/// document names the type of its root and of every value whose declared type does not say it (<c>object</c>
/// properties, dictionary values), which is what a read needs and keeps a turn's documents small (documents that name
/// every type, as MemoryStorage writes them, read the same). The binder lets a document name only the project's own
/// state types (and the framework's plain values and collections of them): a tampered document cannot make the
/// reader build anything else.
/// </summary>
public static class StateJson
{
    /// <summary>The property of a store item that carries its eTag.</summary>
    public const string ETagProperty = "ETag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = StateTypeBinder.Instance,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = null,
    });

    /// <summary>What a write with a stale eTag throws, in the words of the SDK's storages.</summary>
    public static InvalidOperationException Conflict(string? original, string? current) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Etag conflict.\r\n\r\nOriginal: {original}\r\nCurrent: {current}"));

    // Serialised as an object, so that the root names its type too: a read asks for an object.
    public static string Serialize(object value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            Serializer.Serialize(writer, value, typeof(object));
        }
        return text.ToString();
    }

    public static JToken ToToken(object value)
    {
        using var writer = new JTokenWriter();
        Serializer.Serialize(writer, value, typeof(object));
        return writer.Token!;
    }

    public static object Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return Serializer.Deserialize<object>(reader)!;
    }
}
