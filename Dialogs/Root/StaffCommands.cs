namespace OneStopBot.Dialogs.Root;

/// <summary>The staff commands typed in chat, and the dialogs they start. Only staff members may use them.</summary>
public static class StaffCommands
{
    public const string ShowDossier = "/hoso";
    public const string UpdateDossier = "/capnhat";
    public const string Statistics = "/thongke";
    public const string Broadcast = "/thongbao";
    public const string Reply = "/traloi";

    private static readonly Dictionary<string, string> Dialogs = new(StringComparer.OrdinalIgnoreCase)
    {
        [ShowDossier] = DialogIds.StaffShowDossier,
        [UpdateDossier] = DialogIds.StaffUpdateDossier,
        [Statistics] = DialogIds.StaffStatistics,
        [Broadcast] = DialogIds.StaffBroadcast,
        [Reply] = DialogIds.StaffReply,
    };

    /// <summary>A message that starts with "/": the dialog of the command, and what follows the command.</summary>
    public static bool TryParse(string? text, out string? dialogId, out string arguments)
    {
        dialogId = null;
        arguments = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith('/'))
        {
            return false;
        }
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        var command = space < 0 ? trimmed : trimmed[..space];
        arguments = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        dialogId = Dialogs.GetValueOrDefault(command);
        return true;
    }
}
