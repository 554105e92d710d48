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

/// <summary>Why the office's rules refuse a change of status; Dialogs and the staff API word it for staff.</summary>
public enum StatusRefusalKind
{
    /// <summary>Financial obligations exist for land procedures only.</summary>
    NoFinancialObligation,
    /// <summary>Nothing follows an end status.</summary>
    FinalStatus,
    /// <summary>The new status may not follow the current one; <see cref="StatusRefusal.Allowed"/> lists those that may.</summary>
    NotAllowed,
    /// <summary>The new status tells the resident to read the staff's note, so a note is needed.</summary>
    NoteRequired,
}

/// <summary>A refused change from <paramref name="From"/> to <paramref name="To"/>, with the statuses that may follow instead.</summary>
public sealed record StatusRefusal(StatusRefusalKind Kind, DossierStatus From, DossierStatus To, IReadOnlyList<DossierStatus> Allowed);

public static class DossierStatuses
{
    private static readonly FrozenDictionary<string, DossierStatus> ByName = Enum.GetValues<DossierStatus>()
        .SelectMany(status => new[] { (Name: JsonName(status), status), (Name: status.ToString(), status) })
        .DistinctBy(pair => pair.Name, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(pair => pair.Name, pair => pair.status, StringComparer.OrdinalIgnoreCase);

    /// <summary>The status's name in JSON and CSV: <c>resultReady</c>.</summary>
    public static string JsonName(this DossierStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Parses a status name in any case (<c>resultReady</c>, <c>ResultReady</c>, <c>resultready</c>).</summary>
    public static bool TryParse(string? name, out DossierStatus status) =>
        ByName.TryGetValue(name?.Trim() ?? string.Empty, out status);

    // The names staff, and the provincial systems' exports, give each status, folded (see FoldedName: any case, with
    // or without diacritics), with the enum's own names. They include the labels the chat shows for each status.
    private static readonly FrozenDictionary<string, DossierStatus> ByWrittenName = new (DossierStatus Status, string[] Names)[]
    {
        (DossierStatus.PreRegistered, ["dadangkytruoc", "dangkytruoc", "dadangky", "moidangky", "dangkytructuyen", "chotiepnhan"]),
        (DossierStatus.Received, ["datiepnhan", "tiepnhan", "moitiepnhan", "danhanhoso", "nhanhoso"]),
        (DossierStatus.InProgress, ["danggiaiquyet", "dangxuly", "dangxulyhoso", "dangthuly"]),
        (DossierStatus.SupplementRequested, ["chobosung", "canbosung", "canbosunggiayto", "chobosunghoso", "yeucaubosung", "bosunghoso"]),
        (DossierStatus.PaymentRequested, ["cannoplephi", "chonoplephi", "cannopphi", "chonopphi", "chothanhtoan", "yeucauthanhtoan"]),
        (DossierStatus.FinancialObligation, ["canlamnghiavutaichinh", "chothuchiennghiavutaichinh", "nghiavutaichinh", "chonghiavutaichinh"]),
        (DossierStatus.ResultReady, ["dacoketqua", "coketqua", "chotraketqua", "dagiaiquyetxong", "daxulyxong"]),
        (DossierStatus.ResultReturned, ["datraketqua", "traketqua", "datra", "danhanketqua"]),
        (DossierStatus.Rejected, ["tuchoi", "datuchoi", "tuchoitiepnhan", "tuchoigiaiquyet", "khonggiaiquyet", "khongdudieukien"]),
        (DossierStatus.Stopped, ["dungxuly", "dadungxuly", "dunggiaiquyet", "tamdungxuly"]),
        (DossierStatus.Withdrawn, ["ruthoso", "daruthoso", "darut", "congdanruthoso"]),
    }
        .SelectMany(entry => entry.Names.Append(entry.Status.ToString().ToLowerInvariant()).Select(name => (Name: name, entry.Status)))
        .ToFrozenDictionary(pair => pair.Name, pair => pair.Status, StringComparer.Ordinal);

    /// <summary>
    /// Reads a status as staff write it in a file: the English names (<c>inProgress</c>, <c>In progress</c>) or the
    /// Vietnamese ones (<c>Đang giải quyết</c>, <c>dang giai quyet</c>, <c>ĐÃ TIẾP NHẬN</c>, <c>Chờ bổ sung</c>…).
    /// </summary>
    public static bool TryRead(string? text, out DossierStatus status) =>
        ByWrittenName.TryGetValue(FoldedName.Of(text), out status);

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
    /// <paramref name="note"/>; null when the change follows the office's rules.
    /// <paramref name="hasFinancialObligation"/>: the procedure can owe land taxes and charges (land procedures only).
    /// </summary>
    public static StatusRefusal? Refusal(DossierStatus from, DossierStatus to, string? note, bool hasFinancialObligation)
    {
        var allowed = Next[from];
        StatusRefusalKind? kind =
            to == DossierStatus.FinancialObligation && !hasFinancialObligation ? StatusRefusalKind.NoFinancialObligation
            : !allowed.Contains(to) ? (allowed.Length == 0 ? StatusRefusalKind.FinalStatus : StatusRefusalKind.NotAllowed)
            : to.RequiresNote() && string.IsNullOrWhiteSpace(note) ? StatusRefusalKind.NoteRequired
            : null;
        return kind is { } refused ? new StatusRefusal(refused, from, to, allowed) : null;
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
