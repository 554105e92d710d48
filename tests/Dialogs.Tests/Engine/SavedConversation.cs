using Newtonsoft.Json.Linq;

namespace OneStopBot.Dialogs.Tests.Engine;

/// <summary>The harness's conversation state as a storage holds it, read from a file of Engine/Saved.</summary>
public static class SavedConversation
{
    /// <summary>Where ConversationState keeps the harness's conversation.</summary>
    public const string Key = "test/conversations/harness";

    /// <summary>The storage's contents with the state of <paramref name="file"/>, <paramref name="change"/> made to it.</summary>
    public static Dictionary<string, JObject> Load(string file, Action<JObject>? change = null)
    {
        var state = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Engine", "Saved", file)));
        change?.Invoke(state);
        return new Dictionary<string, JObject> { [Key] = state };
    }

    /// <summary>The dialog instances of the stack ("DialogStack") or of the kept draft ("DialogDraft").</summary>
    public static JArray Instances(JObject state, string property) => (JArray)state[property]!["Instances"]!["$values"]!;

    public static bool HasDraft(JObject state) => state["DialogDraft"] is { Type: not JTokenType.Null };
}
