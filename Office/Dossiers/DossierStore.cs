using LiteDB;
using Microsoft.Extensions.Logging;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// The office's dossiers in LiteDB: filing, lookups by code, phone and chat, and status changes; and, as the archive,
/// imports from the provincial system and records dated in the past.
/// </summary>
public sealed partial class DossierStore(
    OfficeDatabase database,
    WorkingCalendar calendar,
    StaffAuditLog audit,
    DailyFigures figures,
    CommuneContext communes,
    TimeProvider time,
    ILogger<DossierStore> logger) : IDossierStore, IDossierArchive
{
    public const string CollectionName = "dossiers";
    public const string CountersCollectionName = "dossier_counters";
    public const string FilingsCollectionName = "dossier_filings";

    /// <summary>The actor of a history entry written by the resident's own chat.</summary>
    public const string ResidentActor = "resident";

    /// <summary>The index expression of the owning chat's <see cref="ChatAddress.ChatKey"/>.</summary>
    internal static readonly string OwnerExpression = ChatAddress.ChatKeyExpression("$." + nameof(Dossier.Owner));

    private ILiteCollection<Dossier> Dossiers => database.Collection<Dossier>(CollectionName);

    private ILiteCollection<DayCounter> Counters => database.Collection<DayCounter>(CountersCollectionName);

    private ILiteCollection<DossierFiling> Filings => database.Collection<DossierFiling>(FilingsCollectionName);

    public string AgencyCode => communes.Current.Office.AgencyCode;

    // The current commune's slug: what every write stamps and every read keeps to.
    private string Here => communes.Current.Id;

    private Dossier? One(string code) => Dossiers.In(Here, ByCode(code)).FirstOrDefault();

    /// <summary>
    /// A resident pre-registers from a chat; staff see it before the resident comes. Idempotent: the same draft from
    /// the same chat on the same day (a double "Gửi", a retry after a crash before the reply) returns the dossier
    /// already filed, with its code, instead of filing a second one.
    /// </summary>
    public Dossier PreRegister(NewDossier request) => FileAt(request, staff: null, time.GetUtcNow());

    /// <summary>Staff file a dossier they have received (at the desk or from the portal).</summary>
    public Dossier Receive(NewDossier request, string staff)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        return FileAt(request, staff, time.GetUtcNow());
    }

    /// <summary>Finds a dossier by its code as typed (see <see cref="DossierCode.TryNormalize"/>); null when malformed or unknown.</summary>
    public Dossier? Find(string? code) =>
        DossierCode.TryNormalize(code, AgencyCode, out var normalized) ? One(normalized) : null;

    /// <summary>The dossiers filed from one chat, newest first.</summary>
    public IReadOnlyList<Dossier> ListByOwner(string channelId, string userId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(userId);
        return Dossiers.In(Here, Filter.Equal(OwnerExpression, ChatAddress.ChatKey(channelId, userId))).ToEnumerable()
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Staff change a dossier's status: the history gains an entry, the received and returned dates follow, and the
    /// change is audited. Null when no dossier has that code.
    /// </summary>
    public Dossier? ChangeStatus(string code, DossierStatus status, string staff, string? note) =>
        ChangeStatusAt(code, status, staff, note, time.GetUtcNow());

    public Dossier? ChangeStatusAt(string code, DossierStatus status, string staff, string? note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        note = DossierValidation.NormalizeNote(note);
        if (!DossierCode.TryNormalize(code, AgencyCode, out var normalized))
        {
            return null;
        }

        var updated = database.InTransaction(() =>
        {
            var dossier = One(normalized);
            if (dossier is null)
            {
                return null;
            }
            var receivedAt = dossier.ReceivedAt ?? (status is DossierStatus.PreRegistered or DossierStatus.Withdrawn ? null : at);
            var changed = dossier with
            {
                Status = status,
                History = [.. dossier.History, new StatusChange { At = at, Status = status, Actor = staff, Note = note }],
                ReceivedAt = receivedAt,
                DueDate = dossier.ReceivedAt is null && receivedAt is not null ? calendar.DueDate(receivedAt.Value, dossier.WorkingDays) : dossier.DueDate,
                ReturnedAt = status == DossierStatus.ResultReturned ? at : dossier.ReturnedAt,
            };
            Dossiers.Update(changed);
            figures.Replace(dossier, changed);
            audit.Record(new StaffAction
            {
                At = at,
                Staff = staff,
                Action = "dossier.status",
                Target = changed.Code,
                Details = $"{dossier.Status.JsonName()} → {status.JsonName()}" + (note is null ? "" : "; " + note),
            });
            return changed;
        });
        if (updated is not null)
        {
            LogStatusChanged(updated.Code, updated.Status.JsonName(), staff);
        }
        return updated;
    }

    public Dossier FileAt(NewDossier request, string? staff, DateTimeOffset at)
    {
        var status = staff is null ? DossierStatus.PreRegistered : DossierStatus.Received;
        var valid = DossierValidation.Normalize(request, communes.Current.Office.Villages, out var errors);
        if (errors.Count > 0)
        {
            throw new DossierValidationException(errors);
        }

        var day = calendar.LocalDate(at);
        var commune = Here;
        var filingKey = staff is null ? DossierFiling.Key(commune, valid, day) : null;
        var (dossier, isNew) = database.InTransaction(() =>
        {
            if (filingKey is not null && Filings.FindById(filingKey) is { } filed && One(filed.Code) is { } earlier)
            {
                return (earlier, false);
            }
            var code = NextCode(day);
            var created = Build(valid, code, status, staff ?? ResidentActor, at);
            Dossiers.Insert(created);
            figures.Replace(null, created);
            if (filingKey is not null)
            {
                // Same transaction as the dossier: a crash leaves both or neither.
                Filings.Upsert(new DossierFiling { Id = filingKey, Code = code, At = at, Commune = commune });
            }
            if (staff is not null)
            {
                audit.Record(new StaffAction { At = at, Staff = staff, Action = "dossier.create", Target = code, Details = $"{valid.ProcedureId}; {status.JsonName()}" });
            }
            return (created, true);
        });
        if (isNew)
        {
            LogCreated(dossier.Code, dossier.ProcedureId, dossier.MaskedPhone, dossier.Status.JsonName());
        }
        else
        {
            LogRepeated(dossier.Code);
        }
        return dossier;
    }

    public bool IsEmpty => !Dossiers.In(Here).Exists();

    public T AllOrNothing<T>(Func<T> work) => database.InTransaction(work);

    public IReadOnlyList<bool> InsertImported(IReadOnlyList<ImportedDossier> rows, string staff, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        if (rows.Count == 0)
        {
            return [];
        }
        try
        {
            // Most batches are new: the unique index on the code finds a taken one, so no row pays a lookup first.
            return database.InTransaction(() => WriteImported(rows, new bool[rows.Count], staff, at));
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // The failed attempt was rolled back whole; this one leaves the taken codes out.
            return database.InTransaction(() =>
            {
                var codes = new BsonArray(rows.Select(r => new BsonValue(r.Code)));
                // Codes are unique across the province: a code another commune holds is taken too.
                var taken = Dossiers.Find(Filter.In(nameof(Dossier.Code), codes)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
                return WriteImported(rows, rows.Select(r => !taken.Add(r.Code)).ToArray(), staff, at);
            });
        }
    }

    private IReadOnlyList<bool> WriteImported(IReadOnlyList<ImportedDossier> rows, bool[] taken, string staff, DateTimeOffset at)
    {
        var inserted = rows.Where((_, i) => !taken[i]).Select(row => Imported(row, staff, at)).ToList();
        if (inserted.Count > 0)
        {
            Dossiers.InsertBulk(inserted);
            figures.ReplaceAll(inserted.Select(d => ((Dossier?)null, (Dossier?)d)));
            // One entry for the batch, found by each of its codes: an entry per dossier cost as much as the dossier.
            audit.Record(new StaffAction
            {
                At = at,
                Staff = staff,
                Action = "dossier.import",
                Targets = inserted.Select(d => d.Code).ToList(),
                Details = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{inserted.Count} dossiers"),
            });
        }
        return taken.Select(t => !t).ToList();
    }

    private Dossier Imported(ImportedDossier row, string staff, DateTimeOffset at)
    {
        var last = row.History[^1];
        var received = row.History.FirstOrDefault(h => h.Status != DossierStatus.PreRegistered)?.At;
        return Build(row.Valid, row.Code, last.Status, staff, at) with
        {
            History = [.. row.History],
            ReceivedAt = received,
            DueDate = received is null ? null : calendar.DueDate(received.Value, row.Valid.WorkingDays),
            ReturnedAt = last.Status == DossierStatus.ResultReturned ? last.At : null,
        };
    }

    private Dossier Build(NewDossier valid, string code, DossierStatus status, string actor, DateTimeOffset at)
    {
        var received = status == DossierStatus.PreRegistered ? (DateTimeOffset?)null : at;
        return new Dossier
        {
            Commune = Here,
            Code = code,
            ProcedureId = valid.ProcedureId,
            ApplicantName = valid.ApplicantName,
            Phone = valid.Phone,
            CitizenId = valid.CitizenId,
            Village = valid.Village,
            Owner = valid.Owner,
            Status = status,
            History = [new StatusChange { At = at, Status = status, Actor = actor }],
            Submission = valid.Submission,
            WorkingDays = valid.WorkingDays,
            CreatedAt = at,
            AppointmentDate = valid.AppointmentDate,
            ReceivedAt = received,
            // The clock starts only when a complete dossier is received: a pre-registration has no due date yet.
            DueDate = received is { } start ? calendar.DueDate(start, valid.WorkingDays) : null,
        };
    }

    /// <summary>The next free code of the day. Runs inside the caller's transaction, so two filings never share a number.</summary>
    private string NextCode(DateOnly day)
    {
        var key = DayCounter.Key(Here, day);
        var counter = Counters.FindById(key) ?? new DayCounter { Id = key, Commune = Here };
        var sequence = counter.Last;
        string code;
        do
        {
            sequence++;
            if (sequence > DossierCode.MaxSequence)
            {
                throw new InvalidOperationException($"No dossier numbers are left for {key}.");
            }
            code = DossierCode.Format(AgencyCode, day, sequence);
        }
        // Imported dossiers may already hold numbers of the day.
        while (Dossiers.Exists(ByCode(code)));
        Counters.Upsert(counter with { Last = sequence });
        return code;
    }

    private static BsonExpression ByCode(string code) => Filter.Equal(nameof(Dossier.Code), code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} filed: {ProcedureId}, phone {MaskedPhone}, {Status}")]
    private partial void LogCreated(string code, string procedureId, string maskedPhone, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} was asked for again from its chat; the same code is given")]
    private partial void LogRepeated(string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} is now {Status} (by {Staff})")]
    private partial void LogStatusChanged(string code, string status, string staff);
}

/// <summary>A validated dossier from another system, with its own code and history (in order, the last step its status).</summary>
public sealed record ImportedDossier(NewDossier Valid, string Code, IReadOnlyList<StatusChange> History);

/// <summary>The last sequence number given out on one local day (<c>YYMMDD</c>).</summary>
internal sealed record DayCounter : ICommuneRecord
{
    /// <summary><see cref="Key"/>: the commune and the day, as each commune numbers its own dossiers.</summary>
    public required string Id { get; init; }

    public string Commune { get; init; } = string.Empty;

    public static string Key(string commune, DateOnly day) =>
        commune + ":" + day.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public int Last { get; init; }
}

/// <summary>
/// One intent to file: the chat and the draft (normalised, so "0912 345 678" and "0912345678" are one draft) on one
/// local day, hashed into the id, which LiteDB keeps unique. It points at the dossier that intent filed.
/// </summary>
internal sealed record DossierFiling : ICommuneRecord
{
    public required string Id { get; init; }

    public string Commune { get; init; } = string.Empty;

    public required string Code { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The key of a chat's filing; null when staff file (they have no chat to repeat from).</summary>
    public static string? Key(string commune, NewDossier valid, DateOnly day)
    {
        if (valid.Owner is not { } owner)
        {
            return null;
        }
        var parts = string.Join(
            "\n",
            commune,
            owner.ChannelId.ToLowerInvariant(),
            owner.UserId,
            day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            valid.ProcedureId,
            valid.ApplicantName,
            valid.Phone,
            valid.Village,
            valid.CitizenId ?? string.Empty,
            valid.AppointmentDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            valid.Submission.ToString());
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(parts)));
    }
}

/// <summary>
/// Indexes of the dossiers: code (unique), phone and owning chat. Nothing else: every index costs each row written (an
/// import most), and the statistics read daily figures instead.
/// </summary>
internal sealed class DossierCollectionSetup : ICollectionSetup
{
    // Indexes of earlier versions that no query reads any more.
    private static readonly string[] Retired = ["ReceivedAt", "Status", "lastChange"];

    public void Configure(OfficeDatabase database)
    {
        var dossiers = database.Collection<Dossier>(DossierStore.CollectionName);
        dossiers.EnsureIndex(d => d.Code, unique: true);
        dossiers.EnsureIndex(d => d.Phone);
        dossiers.EnsureCommuneIndex();
        dossiers.EnsureIndex("owner", DossierStore.OwnerExpression);
        foreach (var name in Retired)
        {
            dossiers.DropIndex(name);
        }
    }
}
