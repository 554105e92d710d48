namespace OneStopBot.Dialogs.Root;

/// <summary>The ids of the dialogs the root starts.</summary>
public static class DialogIds
{
    public const string AskProcedure = "ask";
    public const string PreRegister = "submit";
    public const string CheckDossier = "status";
    public const string Subscribe = "subscribe";
    public const string TalkToStaff = "human";
    public const string Feedback = "feedback";
    public const string Unsubscribe = "unsubscribe";
    public const string Rating = "rating";
    public const string Deadline = "deadline";
    public const string StaffShowDossier = "staff.hoso";
    public const string StaffUpdateDossier = "staff.capnhat";
    public const string StaffStatistics = "staff.thongke";
    public const string StaffBroadcast = "staff.thongbao";
    public const string StaffReply = "staff.traloi";
}
