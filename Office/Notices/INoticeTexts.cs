namespace OneStopBot.Office.Notices;

/// <summary>
/// The words of the messages the office composes itself: buttons under a broadcast, the staff's delivery report, a
/// question forwarded to staff and their answer. The host supplies them, so the office keeps no conversation text.
/// </summary>
public interface INoticeTexts
{
    /// <summary>Buttons under every broadcast: the resident can always stop them.</summary>
    IReadOnlyList<string> BroadcastActions { get; }

    /// <summary>Buttons under a staff answer, so the resident can go on.</summary>
    IReadOnlyList<string> AfterReplyActions { get; }

    /// <summary>Tells the staff chat that sent a broadcast how its delivery ended.</summary>
    string DeliveryReport(int noticeId, int sent, int failed);

    /// <summary>A resident's question as staff receive it, with the reference they answer with.</summary>
    string StaffForward(string reference, string question);

    /// <summary>A staff answer as the resident receives it.</summary>
    string StaffReply(string reference, string answer);
}
