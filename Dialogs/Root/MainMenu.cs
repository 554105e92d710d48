using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Root;

/// <summary>The main menu, offered as buttons with the welcome, after help and whenever a conversation ends.</summary>
public static class MainMenu
{
    public const string AskProcedure = "Hỏi thủ tục";
    public const string CheckDossier = "Tra cứu hồ sơ";
    public const string PreRegister = "Nộp hồ sơ trước";
    public const string Subscribe = "Nhận thông báo";
    public const string TalkToStaff = Replies.TalkToStaff;

    public static readonly IReadOnlyList<string> Items = [AskProcedure, CheckDossier, PreRegister, Subscribe, TalkToStaff];
}
