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
}
