using System.Diagnostics.CodeAnalysis;
using OneStopBot.Dialogs.Telemetry;

namespace OneStopBot.Dialogs.Engine;

/// <summary>Every dialog the bot can run, by id, with the dialogs each depends on.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    /// <param name="telemetry">Counts the dialogs residents leave unfinished; none in tests of the engine alone.</param>
    public DialogSet(IEnumerable<Dialog> dialogs, DialogTelemetry? telemetry = null)
    {
        Telemetry = telemetry;
        foreach (var dialog in dialogs)
        {
            Add(dialog);
        }
    }

    public DialogTelemetry? Telemetry { get; }

    public Dialog Find(string id) =>
        dialogs.TryGetValue(id, out var dialog) ? dialog : throw new InvalidOperationException($"No dialog with id '{id}' is registered.");

    public bool Contains(string id) => dialogs.ContainsKey(id);

    /// <summary>The dialog registered as <paramref name="id"/>; false for none, or for no id (state saved in a shape this version does not know).</summary>
    public bool TryFind(string? id, [NotNullWhen(true)] out Dialog? dialog)
    {
        dialog = null;
        return id is not null && dialogs.TryGetValue(id, out dialog);
    }

    /// <summary>Whether a registered dialog, as it is now, can go on from <paramref name="instance"/> (saved before a deploy, say).</summary>
    public bool CanContinue(DialogInstance? instance) =>
        instance is { State: not null } && TryFind(instance.Id, out var dialog) && dialog.CanContinue(instance);

    private void Add(Dialog dialog)
    {
        if (dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (!ReferenceEquals(existing, dialog))
            {
                throw new InvalidOperationException($"Two dialogs share the id '{dialog.Id}'.");
            }
            return;
        }
        // Read here so that a waterfall whose steps cannot be named fails at start-up, not in a resident's conversation.
        if (string.IsNullOrEmpty(dialog.Version))
        {
            throw new InvalidOperationException($"The dialog '{dialog.Id}' has no version.");
        }
        dialogs.Add(dialog.Id, dialog);
        foreach (var dependency in dialog.Dependencies)
        {
            Add(dependency);
        }
    }
}
