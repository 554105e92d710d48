using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Notices;

/// <summary>What the office's own messages say, in the words and buttons of the dialogs residents know.</summary>
public sealed class NoticeTexts : INoticeTexts
{
    public const string DeliveryReportText = "Thông báo số {0} đã gửi xong. Đã gửi {1}, lỗi {2}.";
    public const string StaffForwardText = "Câu hỏi {0} của người dân:\n{1}\n\nTrả lời bằng: /traloi {0} nội dung";
    public const string StaffReplyText = "Cán bộ một cửa trả lời câu hỏi {0} của anh/chị:\n{1}";

    public static readonly IReadOnlyList<string> Broadcast = [SubscribeTexts.Stop, NoticeButtons.Menu];

    public static readonly IReadOnlyList<string> AfterReply = [MainMenu.TalkToStaff, NoticeButtons.Menu];

    public IReadOnlyList<string> BroadcastActions => Broadcast;

    public IReadOnlyList<string> AfterReplyActions => AfterReply;

    public string DeliveryReport(int noticeId, int sent, int failed) => TextTemplate.Fill(DeliveryReportText, noticeId, sent, failed);

    public string StaffForward(string reference, string question) => TextTemplate.Fill(StaffForwardText, reference, question);

    public string StaffReply(string reference, string answer) => TextTemplate.Fill(StaffReplyText, reference, answer);
}
