using LiteDB;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Sync;

/// <summary>What one line of the provincial export does here.</summary>
public enum SyncChangeKind
{
    /// <summary>A dossier not known here: it is filed with the export's code.</summary>
    New,

    /// <summary>A known dossier whose status differs: it changes, and the resident's chat is told.</summary>
    StatusChange,

    /// <summary>A known dossier with the same status.</summary>
    Unchanged,

    /// <summary>The line cannot be read, or the office's rules refuse the change; nothing is done with it.</summary>
    Refused,
}

/// <summary>
/// One line of the export and what it does. <see cref="From"/> is the status here (for a change);
/// <see cref="Reason"/> or <see cref="Refusal"/> say why a refused line is refused; <see cref="NotifiesResident"/>
/// when the change reaches a resident's chat.
/// </summary>
public sealed record SyncLine(
    int Line,
    string? Code,
    SyncChangeKind Kind,
    DossierStatus? From = null,
    DossierStatus? To = null,
    DossierImportReason? Reason = null,
    StatusRefusal? Refusal = null,
    bool NotifiesResident = false,
    string? ProcedureId = null,
    string? Village = null);

/// <summary>
/// What an export does, line by line; or, with no line, why the file as a whole cannot be used: its header, or a file
/// read only in part (too many rows, or unreadable past a line).
/// </summary>
public sealed record SyncPlan(DossierImportRow? HeaderProblem, IReadOnlyList<SyncLine> Lines)
{
    public int Count(SyncChangeKind kind) => Lines.Count(l => l.Kind == kind);

    public IEnumerable<SyncLine> Of(SyncChangeKind kind) => Lines.Where(l => l.Kind == kind);
}

/// <summary>The last export applied: when, by whom, its lines and the earliest day it covers.</summary>
public sealed record SyncExport : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public int Id { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Staff { get; init; }

    public int Lines { get; init; }

    /// <summary>The earliest reception in the export: dossiers received here before it are not expected in it.</summary>
    public DateTimeOffset? EarliestReceived { get; init; }
}

/// <summary>A dossier's status as the last export gave it.</summary>
public sealed record SyncSeen : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    /// <summary>The dossier's code.</summary>
    public required string Id { get; init; }

    public int ExportId { get; init; }

    public DossierStatus Status { get; init; }
}

/// <summary>An upload kept between its preview and its application (the file as sent).</summary>
public sealed record SyncUpload : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public required string Id { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Staff { get; init; }

    public required byte[] Content { get; init; }
}

/// <summary>A dossier in a reconciliation list (no personal data).</summary>
public sealed record SyncDossier(string Code, string ProcedureId, string Village, DossierStatus Status, DossierStatus? ProvincialStatus, DateTimeOffset? ReceivedAt);

/// <summary>
/// What differs between here and the last export: dossiers received here since its earliest day but missing from it,
/// and results ready or returned here that the export does not show as such. Each list keeps its first
/// <see cref="ProvincialSync.MaxListed"/>; the totals count them all.
/// </summary>
public sealed record Reconciliation(
    SyncExport? LastExport,
    IReadOnlyList<SyncDossier> Missing,
    int MissingTotal,
    IReadOnlyList<SyncDossier> Unsynchronised,
    int UnsynchronisedTotal);

/// <summary>
/// Synchronisation with the provincial one-stop system: an export (its CSV or workbook) is planned line by line with
/// the import's own checks, previewed, then applied in one transaction — new dossiers through the import's archive,
/// status changes through <see cref="DossierUpdates"/>, so residents are told as for any change — and the statuses it
/// gave are kept to reconcile against.
/// </summary>
public sealed class ProvincialSync(
    OfficeDatabase database,
    IUnitOfWork unitOfWork,
    DossierImport import,
    IDossierStore store,
    IDossierArchive archive,
    DossierUpdates updates,
    CommuneContext communes,
    WorkingCalendar calendar,
    IStaffAuditLog audit,
    TimeProvider time)
{
    public const string ExportsCollection = "sync_exports";
    public const string SeenCollection = "sync_seen";
    public const string UploadsCollection = "sync_uploads";

    /// <summary>Largest upload, as the staff API's import.</summary>
    public const int MaxUploadBytes = 4 * 1024 * 1024;

    /// <summary>How long an upload waits for its application; uploads waiting at once, at most.</summary>
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromHours(1);

    public const int MaxWaitingUploads = 20;

    /// <summary>Dossiers listed at most per reconciliation list.</summary>
    public const int MaxListed = 500;

    private ILiteCollection<SyncExport> Exports => database.Collection<SyncExport>(ExportsCollection);

    private ILiteCollection<SyncSeen> Seen => database.Collection<SyncSeen>(SeenCollection);

    private ILiteCollection<SyncUpload> Uploads => database.Collection<SyncUpload>(UploadsCollection);

    private ILiteCollection<Dossier> Dossiers => database.Collection<Dossier>(DossierStore.CollectionName);

    /// <summary>What <paramref name="table"/> would do now; nothing is stored.</summary>
    public async Task<SyncPlan> PreviewAsync(ImportTable table, string staff, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        // A file read in part would make every dossier after the cut look missing from the provincial system.
        if (table.End is { } end)
        {
            return new SyncPlan(end, []);
        }
        var plan = import.Plan(table, staff, note);
        if (plan.HeaderProblem is { } header)
        {
            return new SyncPlan(header, []);
        }
        return new SyncPlan(null, await LinesAsync(plan, cancellationToken));
    }

    private async Task<List<SyncLine>> LinesAsync(DossierImportPlan plan, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<SyncLine>(plan.Rows.Count);
        foreach (var row in plan.Rows)
        {
            var known = row.Code is { } code && row.Status is not null ? await store.FindAsync(code, cancellationToken) : null;
            lines.Add(Line(row, known, seen));
        }
        return lines;
    }

    // A known dossier needs only its code and status from the line; a new one needs every column right.
    private SyncLine Line(PlannedImportRow row, Dossier? known, HashSet<string> seen)
    {
        if (known is not null && row.Status is { } status)
        {
            if (!seen.Add(known.Code))
            {
                return new SyncLine(row.Line, known.Code, SyncChangeKind.Refused, Reason: new DossierImportReason(DossierImportProblem.CodeTaken));
            }
            if (known.Status == status)
            {
                return new SyncLine(row.Line, known.Code, SyncChangeKind.Unchanged, known.Status, status, ProcedureId: known.ProcedureId, Village: known.Village);
            }
            return updates.Refusal(known, status, row.Note) is { } refusal
                ? new SyncLine(row.Line, known.Code, SyncChangeKind.Refused, known.Status, status, Refusal: refusal, ProcedureId: known.ProcedureId, Village: known.Village)
                : new SyncLine(row.Line, known.Code, SyncChangeKind.StatusChange, known.Status, status, NotifiesResident: known.Owner is not null,
                    ProcedureId: known.ProcedureId, Village: known.Village);
        }
        if (row.Dossier is not { } dossier || row.Status is not { } newStatus)
        {
            return new SyncLine(row.Line, row.Code, SyncChangeKind.Refused, Reason: row.Reason);
        }
        return seen.Add(dossier.Code)
            ? new SyncLine(row.Line, dossier.Code, SyncChangeKind.New, To: newStatus, ProcedureId: dossier.Valid.ProcedureId, Village: dossier.Valid.Village)
            : new SyncLine(row.Line, dossier.Code, SyncChangeKind.Refused, Reason: new DossierImportReason(DossierImportProblem.CodeTaken));
    }

    /// <summary>
    /// Applies <paramref name="table"/> as <paramref name="staff"/>, all of it or nothing: the plan is made again
    /// inside the transaction (the records may have moved since the preview), its new dossiers filed, its changes
    /// made, and the statuses it gave kept as the last export. Returns the plan applied.
    /// </summary>
    public async Task<SyncPlan> ApplyAsync(ImportTable table, string staff, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        ArgumentNullException.ThrowIfNull(table);
        if (table.End is { } end)
        {
            return new SyncPlan(end, []);
        }
        return await unitOfWork.RunAsync(async work =>
        {
            var plan = import.Plan(table, staff, note);
            if (plan.HeaderProblem is { } header)
            {
                return new SyncPlan(header, []);
            }
            var lines = await LinesAsync(plan, work.Cancellation);
            var byLine = plan.Rows.ToDictionary(r => r.Line);
            var now = time.GetUtcNow();
            var fresh = lines.Where(l => l.Kind == SyncChangeKind.New).Select(l => byLine[l.Line].Dossier!).ToList();
            await archive.InsertImportedAsync(fresh, staff, now, work.Cancellation);
            foreach (var change in lines.Where(l => l.Kind == SyncChangeKind.StatusChange))
            {
                await updates.ChangeStatusAsync(change.Code!, change.To!.Value, staff, byLine[change.Line].Note, work.Cancellation);
            }
            Remember(plan.Rows, staff, now);
            audit.Record(staff, "sync.apply", details: string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{fresh.Count} new, {lines.Count(l => l.Kind == SyncChangeKind.StatusChange)} changed, {lines.Count(l => l.Kind == SyncChangeKind.Refused)} refused"));
            return new SyncPlan(null, lines);
        }, cancellationToken);
    }

    // The export's statuses replace the last one's: a code absent from it is no longer seen.
    private void Remember(IReadOnlyList<PlannedImportRow> rows, string staff, DateTimeOffset now)
    {
        var earliest = rows.Select(r => r.Dossier?.History.FirstOrDefault(h => h.Status != DossierStatus.PreRegistered)?.At).Min();
        var here = communes.Current;
        var export = new SyncExport { Commune = here.Id, At = now, Staff = staff, Lines = rows.Count, EarliestReceived = earliest };
        var id = Exports.Insert(export).AsInt32;
        Seen.DeleteMany(Filter.Equal(CommuneRecords.Field, here.Id));
        // Codes are unique across the province: only this commune's own are remembered as its export's.
        Seen.InsertBulk(rows.Where(r => r.Code is not null && r.Status is not null && here.Owns(r.Code)).DistinctBy(r => r.Code)
            .Select(r => new SyncSeen { Commune = here.Id, Id = r.Code!, ExportId = id, Status = r.Status!.Value }));
    }

    /// <summary>Keeps an upload until it is applied (or <see cref="UploadLifetime"/> passes); its id, or null when too many wait.</summary>
    public string? Keep(byte[] content, string staff)
    {
        ArgumentNullException.ThrowIfNull(content);
        return database.InTransaction(() =>
        {
            var now = time.GetUtcNow();
            Uploads.DeleteMany(u => u.At < now - UploadLifetime);
            if (Uploads.In(communes.Current.Id).Count() >= MaxWaitingUploads)
            {
                return null;
            }
            var id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            Uploads.Insert(new SyncUpload { Commune = communes.Current.Id, Id = id, At = now, Staff = staff, Content = content });
            return id;
        });
    }

    /// <summary>The kept upload's bytes, for <paramref name="staff"/> who sent it; null when unknown, expired or another's.</summary>
    public byte[]? Kept(string? id, string staff)
    {
        if (string.IsNullOrEmpty(id) || id.Length != 32 || !id.All(char.IsAsciiHexDigitUpper))
        {
            return null;
        }
        var upload = Uploads.FindById(id).Own(communes.Current.Id);
        return upload is not null && upload.Staff == staff && upload.At >= time.GetUtcNow() - UploadLifetime ? upload.Content : null;
    }

    /// <summary>Forgets an upload once applied.</summary>
    public void Forget(string id)
    {
        if (Uploads.FindById(id).Own(communes.Current.Id) is not null)
        {
            Uploads.Delete(id);
        }
    }

    /// <summary>The last export applied, or null before the first.</summary>
    public SyncExport? LastExport() => Exports.In(communes.Current.Id).OrderByDescending(e => e.Id).FirstOrDefault();

    /// <summary>Compares the records with the last export (one pass over the dossiers).</summary>
    public Reconciliation Reconcile()
    {
        var last = LastExport();
        var seen = Seen.In(communes.Current.Id).ToEnumerable().ToDictionary(s => s.Id, s => s.Status, StringComparer.Ordinal);
        var missing = new List<SyncDossier>();
        var unsynchronised = new List<SyncDossier>();
        int missingTotal = 0, unsynchronisedTotal = 0;
        foreach (var dossier in Dossiers.In(communes.Current.Id).ToEnumerable().OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var known = seen.TryGetValue(dossier.Code, out var provincial);
            var item = new SyncDossier(dossier.Code, dossier.ProcedureId, dossier.Village, dossier.Status, known ? provincial : null, dossier.ReceivedAt);
            if (last?.EarliestReceived is { } earliest && !known && dossier.ReceivedAt >= earliest)
            {
                Add(missing, item, ref missingTotal);
            }
            if (dossier.Status.IsResolved() && !(known && provincial.IsResolved()))
            {
                Add(unsynchronised, item, ref unsynchronisedTotal);
            }
        }
        return new Reconciliation(last, missing, missingTotal, unsynchronised, unsynchronisedTotal);
    }

    /// <summary>
    /// Per month from <paramref name="from"/> to <paramref name="to"/> (local days), the results first ready in it and
    /// how many of them the last export shows ready or returned: the office's goal is all of them.
    /// </summary>
    public IReadOnlyDictionary<DateOnly, SynchronisedCount> SynchronisedPerMonth(DateOnly from, DateOnly to)
    {
        var here = communes.Current.Id;
        var seen = Seen.In(here).ToEnumerable().Where(s => s.Status.IsResolved()).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var months = new Dictionary<DateOnly, SynchronisedCount>();
        foreach (var dossier in Dossiers.In(here).ToEnumerable())
        {
            if (dossier.ResolvedAt is not { } resolved)
            {
                continue;
            }
            var day = calendar.LocalDate(resolved);
            if (day < from || day > to)
            {
                continue;
            }
            var month = new DateOnly(day.Year, day.Month, 1);
            var count = months.GetValueOrDefault(month, new SynchronisedCount(0, 0));
            months[month] = new SynchronisedCount(count.Synchronised + (seen.Contains(dossier.Code) ? 1 : 0), count.Results + 1);
        }
        return months;
    }

    private static void Add(List<SyncDossier> list, SyncDossier item, ref int total)
    {
        total++;
        if (list.Count < MaxListed)
        {
            list.Add(item);
        }
    }
}

/// <summary>Results in a period, and of them those the provincial system shows.</summary>
public sealed record SynchronisedCount(int Synchronised, int Results)
{
    public decimal? Percent => Statistics.VietnamesePercent.Of(Synchronised, Results);
}
