namespace OneStopBot.Dialogs.Engine;

/// <summary>Every dialog the bot can run, by id, with the dialogs each depends on.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            Add(dialog);
        }
    }

    public Dialog Find(string id) =>
        dialogs.TryGetValue(id, out var dialog) ? dialog : throw new InvalidOperationException($"No dialog with id '{id}' is registered.");

    public bool Contains(string id) => dialogs.ContainsKey(id);

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
        dialogs.Add(dialog.Id, dialog);
        foreach (var dependency in dialog.Dependencies)
        {
            Add(dependency);
        }
    }
}
