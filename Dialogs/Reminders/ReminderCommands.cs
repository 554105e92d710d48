using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Reminders;

/// <summary>The exact words that stop reminders ("dừng nhắc") or ask for one (the button), as typed with or without marks.</summary>
public static class ReminderCommands
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "dung nhac", "thoi nhac", "dung nhac nua", "thoi nhac nua", "dung nhac nho", "tat nhac", "khong nhac nua", "huy nhac",
    };

    private static readonly string Remind = UserText.Fold(DeadlineTexts.RemindButton);

    public static bool IsStop(string? text) => StopWords.Contains(Trimmed(text));

    public static bool IsRemindRequest(string? text) => Trimmed(text) == Remind;

    private static string Trimmed(string? text) => UserText.Fold(text).Trim(' ', '.', '!', '?', ',');
}
