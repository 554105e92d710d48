using System.Collections.Frozen;

namespace OneStopBot.Office.Dossiers;

/// <summary>The statuses that provincial systems push to residents.</summary>
public enum DossierStatus
{
    PreRegistered,
    Received,
    InProgress,
    SupplementRequested,
    PaymentRequested,
    FinancialObligation,
    ResultReady,
    ResultReturned,
    Rejected,
    Stopped,
    Withdrawn,
}

/// <summary>How a status reads to a resident: a label, what it means, and what to do next.</summary>
public sealed record DossierStatusText(string Label, string Explanation, string NextStep);

public static class DossierStatuses
{
    private static readonly FrozenDictionary<DossierStatus, DossierStatusText> Texts = new Dictionary<DossierStatus, DossierStatusText>
    {
        [DossierStatus.PreRegistered] = new(
            "Đã đăng ký trước",
            "Cán bộ đã biết anh/chị sẽ đến nộp hồ sơ.",
            "Anh/chị mang đủ giấy tờ đến bộ phận một cửa để nộp."),
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
            "Anh/chị mang giấy hẹn và căn cước đến xã để nhận."),
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

    private static readonly FrozenDictionary<string, DossierStatus> ByName = Enum.GetValues<DossierStatus>()
        .SelectMany(status => new[] { (Name: JsonName(status), status), (Name: status.ToString(), status) })
        .DistinctBy(pair => pair.Name, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(pair => pair.Name, pair => pair.status, StringComparer.OrdinalIgnoreCase);

    public static DossierStatusText Text(this DossierStatus status) => Texts[status];

    /// <summary>The status's name in JSON and CSV: <c>resultReady</c>.</summary>
    public static string JsonName(this DossierStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Parses a status name in any case (<c>resultReady</c>, <c>ResultReady</c>, <c>resultready</c>).</summary>
    public static bool TryParse(string? name, out DossierStatus status) =>
        ByName.TryGetValue(name?.Trim() ?? string.Empty, out status);

    // Which statuses may follow which, as the one-stop office works: a pre-registration is received (or withdrawn,
    // or refused at the desk); a received dossier is worked on, may wait for papers or money, and ends in a result,
    // a refusal, a stop or a withdrawal; a result is handed over. Nothing follows an end.
    private static readonly FrozenDictionary<DossierStatus, DossierStatus[]> Next = new Dictionary<DossierStatus, DossierStatus[]>
    {
        [DossierStatus.PreRegistered] = [DossierStatus.Received, DossierStatus.Rejected, DossierStatus.Withdrawn],
        [DossierStatus.Received] = Working(DossierStatus.InProgress),
        [DossierStatus.InProgress] = Working(),
        [DossierStatus.SupplementRequested] = [DossierStatus.InProgress, DossierStatus.Rejected, DossierStatus.Stopped, DossierStatus.Withdrawn],
        [DossierStatus.PaymentRequested] = [DossierStatus.InProgress, DossierStatus.ResultReady, DossierStatus.Stopped, DossierStatus.Withdrawn],
        [DossierStatus.FinancialObligation] = [DossierStatus.InProgress, DossierStatus.ResultReady, DossierStatus.Stopped, DossierStatus.Withdrawn],
        [DossierStatus.ResultReady] = [DossierStatus.ResultReturned],
        [DossierStatus.ResultReturned] = [],
        [DossierStatus.Rejected] = [],
        [DossierStatus.Stopped] = [],
        [DossierStatus.Withdrawn] = [],
    }.ToFrozenDictionary();

    /// <summary>The resident is told "xem ghi chú của cán bộ" for these: the note must say what is missing, owed or why.</summary>
    private static readonly FrozenSet<DossierStatus> NeedsNote = new[]
    {
        DossierStatus.SupplementRequested, DossierStatus.PaymentRequested, DossierStatus.Rejected, DossierStatus.Stopped,
    }.ToFrozenSet();

    /// <summary>The statuses that may follow <paramref name="status"/>, in the order staff are offered them.</summary>
    public static IReadOnlyList<DossierStatus> AllowedNext(this DossierStatus status) => Next[status];

    /// <summary>Whether the change needs a note for the resident.</summary>
    public static bool RequiresNote(this DossierStatus status) => NeedsNote.Contains(status);

    /// <summary>
    /// Why staff may not move a dossier from <paramref name="from"/> to <paramref name="to"/> with
    /// <paramref name="note"/>, in Vietnamese for staff; null when the change follows the office's rules.
    /// <paramref name="hasFinancialObligation"/>: the procedure can owe land taxes and charges (land procedures only).
    /// </summary>
    public static string? Refusal(DossierStatus from, DossierStatus to, string? note, bool hasFinancialObligation)
    {
        if (to == DossierStatus.FinancialObligation && !hasFinancialObligation)
        {
            return "Thủ tục này không có nghĩa vụ tài chính (chỉ thủ tục đất đai mới có).";
        }
        if (!Next[from].Contains(to))
        {
            var allowed = Next[from];
            return allowed.Length == 0
                ? $"Hồ sơ đã ở trạng thái cuối \"{from.Text().Label}\", không đổi được nữa."
                : $"Không chuyển được từ \"{from.Text().Label}\" sang \"{to.Text().Label}\". Chỉ chuyển được sang: "
                    + string.Join(", ", allowed.Select(s => s.Text().Label)) + ".";
        }
        return to.RequiresNote() && string.IsNullOrWhiteSpace(note)
            ? $"Trạng thái \"{to.Text().Label}\" cần ghi chú cho người dân (cần bổ sung gì, nộp bao nhiêu, hoặc lý do)."
            : null;
    }

    private static DossierStatus[] Working(params DossierStatus[] first) =>
    [
        .. first, DossierStatus.SupplementRequested, DossierStatus.PaymentRequested, DossierStatus.FinancialObligation,
        DossierStatus.ResultReady, DossierStatus.Rejected, DossierStatus.Stopped, DossierStatus.Withdrawn,
    ];

    /// <summary>The result is done (ready or handed over).</summary>
    public static bool IsResolved(this DossierStatus status) =>
        status is DossierStatus.ResultReady or DossierStatus.ResultReturned;

    /// <summary>The office is still working on it (received and not finished in any way).</summary>
    public static bool IsInProgress(this DossierStatus status) =>
        status is DossierStatus.Received or DossierStatus.InProgress or DossierStatus.SupplementRequested
            or DossierStatus.PaymentRequested or DossierStatus.FinancialObligation;
}
