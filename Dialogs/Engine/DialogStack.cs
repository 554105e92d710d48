using Newtonsoft.Json.Linq;

namespace OneStopBot.Dialogs.Engine;

/// <summary>
/// The dialogs in progress in one conversation, innermost last; kept in ConversationState. Each dialog's state is
/// a typed record in code; here it is held as the JSON of that record so the stack survives any storage.
/// </summary>
public sealed class DialogStack
{
    public List<DialogInstance> Instances { get; set; } = [];
}

public sealed class DialogInstance
{
    public required string Id { get; init; }

    /// <summary>The <see cref="Dialog.Version"/> that began it; null in state saved before dialogs had versions.</summary>
    public string? Version { get; init; }

    public JObject State { get; set; } = new();
}
