using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;

namespace OneStopBot.Bot.StaffWeb.Questions;

/// <summary>The words of the "Câu hỏi" pages, as to a colleague.</summary>
public static class QuestionPageTexts
{
    public const string Title = "Câu hỏi";

    public const string Heading = "Câu hỏi máy chưa trả lời được";

    public const string Intro = "Những câu người dân hỏi mà máy chưa hiểu hoặc chưa chắc. Câu giống nhau được gộp thành nhóm, nhóm đông nhất ở trên.";

    public const string Empty = "Chưa có câu hỏi nào. Khi máy không hiểu câu của người dân, câu đó sẽ hiện ở đây.";

    /// <summary>{0}: how many questions; {1}, {2}: the first and last day asked.</summary>
    public const string GroupSummary = "{0} câu · từ {1} đến {2}";

    /// <summary>{0}: how many questions; {1}: the day asked.</summary>
    public const string GroupSummaryOneDay = "{0} câu · {1}";

    public const string Open = "Xem và trả lời";

    public const string Back = "← Về danh sách câu hỏi";

    /// <summary>{0}: the question's number.</summary>
    public const string QuestionTitle = "Câu hỏi số {0}";

    /// <summary>{0}: the day; {1}: the time; {2}: the channel.</summary>
    public const string AskedAt = "Hỏi {0} lúc {1}, qua {2}.";

    public const string NotHandled = "Chưa xử lý";
    public const string Answered = "Đã trả lời";
    public const string Labelled = "Đã gắn nhãn, chờ duyệt";
    public const string Approved = "Đã duyệt";
    public const string InUse = "Máy đã học";

    public const string AnswerHeading = "Trả lời người dân";
    public const string AnswerLabel = "Nội dung trả lời";
    public const string AnswerHint = "Người dân nhận tin nhắn này trong khung chat của họ, kèm câu họ đã hỏi.";
    public const string AnswerButton = "Gửi trả lời";

    /// <summary>{0}: who answered; {1}: when.</summary>
    public const string AnsweredBy = "{0} đã trả lời lúc {1}:";

    public const string NoResident = "Câu này được lưu trước khi máy ghi lại địa chỉ chat, nên không gửi trả lời được.";

    public const string LabelHeading = "Gắn nhãn để máy học";
    public const string LabelHint = "Chọn thủ tục người dân hỏi và điều họ muốn biết. Câu không thuộc thủ tục của xã thì đánh dấu ngoài phạm vi.";
    public const string ProcedureLabel = "Thủ tục";
    public const string ChooseProcedure = "— Chọn thủ tục —";
    public const string AspectLabel = "Điều muốn biết";
    public const string OutOfScopeLabel = "Ngoài phạm vi (không phải thủ tục của xã)";
    public const string LabelButton = "Lưu nhãn";

    /// <summary>{0}: the label; {1}: who; {2}: when.</summary>
    public const string LabelledBy = "Nhãn: {0}. Do {1} gắn lúc {2}.";

    public const string OutOfScope = "ngoài phạm vi";

    /// <summary>{0}: who; {1}: when.</summary>
    public const string ApprovedBy = "{0} đã duyệt lúc {1}.";

    public const string ApproveHeading = "Duyệt làm ví dụ cho máy học";
    public const string ApproveHint = "Lãnh đạo duyệt câu người khác gắn nhãn. Câu chính mình gắn nhãn thì duyệt lại sau 1 ngày.";

    /// <summary>What a clerk sees where a leader sees the approve button.</summary>
    public const string LeaderApproves = "Câu này chờ lãnh đạo duyệt.";
    public const string ApproveButton = "Duyệt";

    public const string RetrainHeading = "Cho máy học lại";

    /// <summary>{0}: approved questions; {1}: those the running model learned.</summary>
    public const string RetrainCounts = "{0} câu đã duyệt, máy đang dùng {1} câu.";

    public const string RetrainHint = "Máy học lại từ các câu đã duyệt. Mô hình mới chỉ được dùng khi trả lời đúng không ít hơn mô hình cũ trên các bộ câu kiểm tra.";
    public const string RetrainButton = "Học lại ngay";
    public const string CancelButton = "Dừng";

    /// <summary>{0}: the day; {1}: the time; {2}: who started it.</summary>
    public const string LastRun = "Lần gần nhất: {0} lúc {1}, do {2} bắt đầu.";

    public const string SetColumn = "Bộ câu kiểm tra";
    public const string BeforeColumn = "Mô hình cũ";
    public const string AfterColumn = "Mô hình mới";
    public const string TotalRow = "Tất cả";

    /// <summary>{0}: the percentage; {1}: right; {2}: all.</summary>
    public const string Score = "{0} ({1}/{2} câu đúng)";

    public static string State(RetrainingState state) => state switch
    {
        RetrainingState.Queued => "Đang chờ bắt đầu…",
        RetrainingState.Running => "Đang học… (vài phút). Anh/chị tải lại trang để xem kết quả.",
        RetrainingState.Accepted => "Đã dùng mô hình mới: trả lời đúng không ít hơn mô hình cũ.",
        RetrainingState.Refused => "Giữ mô hình cũ: mô hình mới trả lời đúng ít hơn.",
        RetrainingState.NothingToLearn => "Chưa có câu nào được duyệt để học.",
        RetrainingState.Cancelled => "Đã dừng. Mô hình cũ vẫn đang dùng.",
        RetrainingState.TimedOut => "Quá thời gian cho phép nên đã dừng. Mô hình cũ vẫn đang dùng.",
        _ => "Có lỗi khi học lại. Mô hình cũ vẫn đang dùng.",
    };

    /// <summary>The channel a question came by, as staff call it.</summary>
    public static string Channel(string channelId) => channelId.ToLowerInvariant() switch
    {
        "zalo" => "Zalo",
        "webchat" or "directline" => "trang hỏi đáp của xã",
        "console" => "máy chủ",
        _ => "kênh khác",
    };

    /// <summary>The held-out sets by their files, as staff know them.</summary>
    public static string SetName(string file) => file switch
    {
        "understand.test.tsv" => "Bộ câu kiểm tra chính",
        "understand.unseen.tsv" => "Bộ câu người dân gõ",
        "understand.styles.tsv" => "Bộ câu theo cách viết",
        _ => "Bộ câu khác",
    };

    public static string Aspect(ProcedureAspect aspect) => aspect switch
    {
        ProcedureAspect.Documents => "Giấy tờ cần mang",
        ProcedureAspect.Fee => "Lệ phí",
        ProcedureAspect.Time => "Bao lâu có kết quả",
        ProcedureAspect.Where => "Nộp ở đâu",
        ProcedureAspect.Online => "Nộp qua mạng",
        ProcedureAspect.Steps => "Các bước làm",
        ProcedureAspect.WhoQualifies => "Ai được làm",
        ProcedureAspect.Proxy => "Nhờ người khác làm thay",
        ProcedureAspect.Deadline => "Hạn phải làm",
        ProcedureAspect.Hours => "Giờ làm việc",
        ProcedureAspect.Penalty => "Làm trễ thì sao",
        _ => "Hỏi chung",
    };

    /// <summary>What happened after a form, by the code in the page's address; null for a code that means nothing.</summary>
    public static string? Notice(string? code) => code switch
    {
        Codes.Answered => "Đã gửi trả lời cho người dân.",
        Codes.Labelled => "Đã lưu nhãn. Câu này cần lãnh đạo duyệt: một người khác, hoặc người gắn nhãn sau 1 ngày.",
        Codes.Approved => "Đã duyệt. Câu này sẽ được dùng khi máy học lại.",
        Codes.Started => "Đã bắt đầu học lại. Việc này mất vài phút; anh/chị tải lại trang để xem kết quả.",
        Codes.Busy => "Máy đang học lại rồi. Anh/chị chờ lần này xong.",
        Codes.Cancelled => "Đã dừng việc học lại.",
        Codes.NothingRunning => "Không có lần học lại nào đang chạy.",
        Codes.BadLabel => "Thủ tục hoặc điều muốn biết không có trong danh sách. Anh/chị chọn lại.",
        nameof(ReviewProblem.NoLabel) => "Anh/chị chọn thủ tục, hoặc đánh dấu ngoài phạm vi.",
        nameof(ReviewProblem.NotLabelled) => "Câu này chưa có nhãn nên chưa duyệt được.",
        nameof(ReviewProblem.AlreadyApproved) => "Câu này đã được duyệt rồi.",
        nameof(ReviewProblem.OwnLabelTooSoon) => "Anh/chị vừa gắn nhãn câu này. Cần một lãnh đạo khác duyệt, hoặc anh/chị duyệt lại sau 1 ngày.",
        nameof(ReviewProblem.NoResident) => NoResident,
        nameof(ReviewProblem.Text) => "Anh/chị viết nội dung trả lời (dưới 2.000 ký tự) rồi gửi lại.",
        nameof(ReviewProblem.NotFound) => "Không tìm thấy câu hỏi này.",
        _ => null,
    };

    /// <summary>The codes of what went well; refusals use the names of <see cref="ReviewProblem"/>.</summary>
    public static class Codes
    {
        public const string Answered = "answered";
        public const string Labelled = "labelled";
        public const string Approved = "approved";
        public const string Started = "started";
        public const string Busy = "busy";
        public const string Cancelled = "cancelled";
        public const string NothingRunning = "idle";
        public const string BadLabel = "bad-label";
    }
}
