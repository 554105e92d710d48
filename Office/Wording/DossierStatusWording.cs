using System.Collections.Frozen;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Wording;

/// <summary>How a status reads to a resident: a label, what it means, and what to do next.</summary>
public sealed record DossierStatusText(string Label, string Explanation, string NextStep);

/// <summary>The Vietnamese wording of dossier statuses and of the office's refusals to change them.</summary>
public static class DossierStatusWording
{
    private static readonly FrozenDictionary<DossierStatus, DossierStatusText> Texts = new Dictionary<DossierStatus, DossierStatusText>
    {
        [DossierStatus.PreRegistered] = new(
            "Đã đăng ký trước",
            "Cán bộ đã biết anh/chị sẽ đến nộp hồ sơ.",
            "Anh/chị mang đủ giấy tờ đến xã để nộp."),
        [DossierStatus.Received] = new(
            "Đã nhận hồ sơ",
            "Bộ phận một cửa đã nhận đủ hồ sơ của anh/chị.",
            "Anh/chị chờ kết quả, không cần đến xã."),
        [DossierStatus.InProgress] = new(
            "Đang giải quyết",
            "Cán bộ đang xem xét hồ sơ của anh/chị.",
            "Anh/chị chờ tin nhắn báo kết quả."),
        [DossierStatus.SupplementRequested] = new(
            "Cần bổ sung giấy tờ",
            "Hồ sơ còn thiếu hoặc cần sửa giấy tờ.",
            "Anh/chị xem ghi chú của cán bộ rồi mang giấy tờ bổ sung đến xã."),
        [DossierStatus.PaymentRequested] = new(
            "Cần nộp lệ phí",
            "Hồ sơ cần nộp lệ phí (tiền thủ tục) để làm tiếp.",
            "Anh/chị nộp lệ phí tại xã hoặc nộp trực tuyến."),
        [DossierStatus.FinancialObligation] = new(
            "Cần làm nghĩa vụ tài chính",
            "Anh/chị cần nộp thuế hoặc tiền theo thông báo của cơ quan thuế.",
            "Anh/chị nộp theo thông báo, rồi báo cho cán bộ xã."),
        [DossierStatus.ResultReady] = new(
            "Đã có kết quả",
            "Kết quả hồ sơ của anh/chị đã xong.",
            "Anh/chị mang căn cước đến xã để nhận."),
        [DossierStatus.ResultReturned] = new(
            "Đã trả kết quả",
            "Anh/chị đã nhận kết quả hồ sơ.",
            "Anh/chị không cần làm gì thêm."),
        [DossierStatus.Rejected] = new(
            "Không giải quyết",
            "Hồ sơ không đủ điều kiện để giải quyết.",
            "Anh/chị xem lý do trong ghi chú, hoặc gọi cán bộ để hỏi thêm."),
        [DossierStatus.Stopped] = new(
            "Đã dừng xử lý",
            "Hồ sơ đã dừng xử lý theo quy định.",
            "Anh/chị gọi cán bộ xã để biết lý do và cách làm lại."),
        [DossierStatus.Withdrawn] = new(
            "Đã rút hồ sơ",
            "Hồ sơ đã được rút theo đề nghị của anh/chị.",
            "Khi cần, anh/chị có thể nộp hồ sơ mới."),
    }.ToFrozenDictionary();

    public static DossierStatusText Text(this DossierStatus status) => Texts[status];

    /// <summary>Whether the next step takes the resident to whoever receives the procedure (to file, complete or collect).</summary>
    public static bool SendsToReceiver(this DossierStatus status) =>
        status is DossierStatus.PreRegistered or DossierStatus.SupplementRequested or DossierStatus.ResultReady;

    /// <summary>Whether a status change reaches the resident: only a dossier filed from a chat has one to tell.</summary>
    public static bool ReachesResident(this Dossier dossier) => dossier.Owner is not null;

    /// <summary>What staff are told after a change (in chat, in the workspace and in the staff API): that the resident hears of it, or that nobody will unless staff call.</summary>
    public static string ToStaff(this Dossier dossier) =>
        dossier.ReachesResident() ? StatusNoticeTexts.ResidentTold : StatusNoticeTexts.NoChat;

    /// <summary>Why the change is refused, in Vietnamese for staff (in chat and in the staff API's answers).</summary>
    public static string Reason(this StatusRefusal refusal) => refusal.Kind switch
    {
        StatusRefusalKind.NoFinancialObligation => StatusRefusalTexts.NoFinancialObligation,
        StatusRefusalKind.FinalStatus => TextTemplate.Fill(StatusRefusalTexts.FinalStatus, refusal.From.Text().Label),
        StatusRefusalKind.NotAllowed => TextTemplate.Fill(StatusRefusalTexts.NotAllowed,
            refusal.From.Text().Label, refusal.To.Text().Label, string.Join(", ", refusal.Allowed.Select(s => s.Text().Label))),
        _ => TextTemplate.Fill(StatusRefusalTexts.NoteRequired, refusal.To.Text().Label),
    };
}

/// <summary>Refusals of a status change. {0}: the current status ({0}, {1}: current and new for NotAllowed, {2}: those allowed).</summary>
public static class StatusRefusalTexts
{
    public const string NoFinancialObligation = "Thủ tục này không có nghĩa vụ tài chính (chỉ thủ tục đất đai mới có).";
    public const string FinalStatus = "Hồ sơ đã ở trạng thái cuối \"{0}\", không đổi được nữa.";
    public const string NotAllowed = "Không chuyển được từ \"{0}\" sang \"{1}\". Chỉ chuyển được sang: {2}.";
    public const string NoteRequired = "Trạng thái \"{0}\" cần ghi chú cho người dân (cần bổ sung gì, nộp bao nhiêu, hoặc lý do).";
}

/// <summary>What staff are told about the resident's status notice after they change a status.</summary>
public static class StatusNoticeTexts
{
    public const string ResidentTold = "Người dân sẽ nhận được tin báo.";
    public const string NoChat = "Hồ sơ này không nộp qua trò chuyện nên người dân không nhận được tin báo. Anh/chị báo người dân bằng cách khác (gọi điện) nếu cần.";
}
