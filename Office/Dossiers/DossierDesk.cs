using Microsoft.Extensions.Logging;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// The office's rules for dossiers, the same on every storage engine: codes by agency and day, idempotent filing from a
/// chat, due dates by the working calendar, history, audit; and, as the archive, imports from the provincial system and
/// records dated in the past. What is stored, and how, is the engine's <see cref="IDossierRecords"/>.
/// </summary>
public sealed partial class DossierDesk(
    IDossierRecords records,
    IUnitOfWork unitOfWork,
    WorkingCalendar calendar,
    CommuneContext communes,
    TimeProvider time,
    ILogger<DossierDesk> logger) : IDossierStore, IDossierArchive
{
    /// <summary>The actor of a history entry written by the resident's own chat.</summary>
    public const string ResidentActor = "resident";

    // A change lost to another host's change of the same dossier is made again on what that one stored.
    private const int SaveAttempts = 3;

    public string AgencyCode => communes.Current.Office.AgencyCode;

    // The current commune's slug: what every write stamps and every read keeps to.
    private string Here => communes.Current.Id;

    /// <summary>
    /// A resident pre-registers from a chat; staff see it before the resident comes. Idempotent: the same draft from
    /// the same chat on the same day (a double "Gửi", a retry after a crash before the reply) returns the dossier
    /// already filed, with its code, instead of filing a second one.
    /// </summary>
    public Task<Dossier> PreRegisterAsync(NewDossier request, CancellationToken cancellationToken = default) =>
        FileAtAsync(request, staff: null, time.GetUtcNow(), cancellationToken);

    /// <summary>Staff file a dossier they have received (at the desk or from the portal).</summary>
    public Task<Dossier> ReceiveAsync(NewDossier request, string staff, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        return FileAtAsync(request, staff, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Finds a dossier by its code as typed (see <see cref="DossierCode.TryNormalize"/>); null when malformed or unknown.</summary>
    public async Task<Dossier?> FindAsync(string? code, CancellationToken cancellationToken = default) =>
        DossierCode.TryNormalize(code, AgencyCode, out var normalized) ? await records.FindAsync(Here, normalized, cancellationToken) : null;

    /// <summary>The dossiers filed from one chat, newest first.</summary>
    public async Task<IReadOnlyList<Dossier>> ListByOwnerAsync(string channelId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(userId);
        return await records.ListByOwnerAsync(Here, ChatAddress.ChatKey(channelId, userId), cancellationToken);
    }

    /// <summary>
    /// Staff change a dossier's status: the history gains an entry, the received and returned dates follow, and the
    /// change is audited. Null when no dossier has that code.
    /// </summary>
    public Task<Dossier?> ChangeStatusAsync(string code, DossierStatus status, string staff, string? note, CancellationToken cancellationToken = default) =>
        ChangeStatusAtAsync(code, status, staff, note, time.GetUtcNow(), cancellationToken);

    public async Task<Dossier?> ChangeStatusAtAsync(string code, DossierStatus status, string staff, string? note, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        note = DossierValidation.NormalizeNote(note);
        if (!DossierCode.TryNormalize(code, AgencyCode, out var normalized))
        {
            return null;
        }
        var commune = Here;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var updated = await unitOfWork.RunAsync(async work =>
                {
                    if (await records.FindAsync(work, commune, normalized) is not { } dossier)
                    {
                        return null;
                    }
                    var changed = Changed(dossier, status, staff, note, at);
                    await records.SaveAsync(work, dossier, changed);
                    await records.AuditAsync(work, new StaffAction
                    {
                        Commune = commune,
                        At = at,
                        Staff = staff,
                        Action = "dossier.status",
                        Target = changed.Code,
                        Details = $"{dossier.Status.JsonName()} → {status.JsonName()}" + (note is null ? "" : "; " + note),
                    });
                    return changed;
                }, cancellationToken);
                if (updated is not null)
                {
                    LogStatusChanged(updated.Code, updated.Status.JsonName(), staff);
                }
                return updated;
            }
            catch (DossierChangedException) when (attempt < SaveAttempts)
            {
                LogChangedMeanwhile(normalized);
            }
        }
    }

    /// <summary>The dossier after a change of status: the history gains it, the received, due and returned dates follow.</summary>
    private Dossier Changed(Dossier dossier, DossierStatus status, string staff, string? note, DateTimeOffset at)
    {
        var receivedAt = dossier.ReceivedAt ?? (status is DossierStatus.PreRegistered or DossierStatus.Withdrawn ? null : at);
        return dossier with
        {
            Status = status,
            History = [.. dossier.History, new StatusChange { At = at, Status = status, Actor = staff, Note = note }],
            ReceivedAt = receivedAt,
            DueDate = dossier.ReceivedAt is null && receivedAt is not null ? calendar.DueDate(receivedAt.Value, dossier.WorkingDays) : dossier.DueDate,
            ReturnedAt = status == DossierStatus.ResultReturned ? at : dossier.ReturnedAt,
        };
    }

    public async Task<Dossier> FileAtAsync(NewDossier request, string? staff, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var status = staff is null ? DossierStatus.PreRegistered : DossierStatus.Received;
        var valid = DossierValidation.Normalize(request, communes.Current.Office.Villages, out var errors);
        if (errors.Count > 0)
        {
            throw new DossierValidationException(errors);
        }

        var day = calendar.LocalDate(at);
        var commune = Here;
        var agency = AgencyCode;
        var filingKey = staff is null ? DossierFiling.Key(commune, valid, day) : null;
        var (dossier, isNew) = await unitOfWork.RunAsync(async work =>
        {
            // Claimed before a number is taken, so a repeated draft never uses up a number of the day.
            if (filingKey is not null
                && await records.ClaimFilingAsync(work, new DossierFiling { Id = filingKey, Commune = commune, Code = string.Empty, At = at }) is { } filed
                && await records.FindAsync(work, commune, filed) is { } earlier)
            {
                return (earlier, false);
            }
            var code = await records.NextCodeAsync(work, commune, day, sequence => sequence <= DossierCode.MaxSequence
                ? DossierCode.Format(agency, day, sequence)
                : throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No dossier numbers are left for {commune} on {day:yyMMdd}.")));
            var created = Build(valid, code, status, staff ?? ResidentActor, at, commune);
            // Same unit as the dossier: a crash leaves the dossier and its filing both or neither.
            await records.InsertAsync(work, created, filingKey);
            if (staff is not null)
            {
                await records.AuditAsync(work, new StaffAction { Commune = commune, At = at, Staff = staff, Action = "dossier.create", Target = code, Details = $"{valid.ProcedureId}; {status.JsonName()}" });
            }
            return (created, true);
        }, cancellationToken);
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

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) => await records.IsEmptyAsync(Here, cancellationToken);

    public Task<T> AllOrNothingAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return unitOfWork.RunAsync(async unit => await work(unit.Cancellation), cancellationToken);
    }

    public async Task<IReadOnlyList<bool>> InsertImportedAsync(IReadOnlyList<ImportedDossier> rows, string staff, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        if (rows.Count == 0)
        {
            return [];
        }
        var commune = Here;
        var dossiers = rows.Select(row => Imported(row, staff, at, commune)).ToList();
        try
        {
            // Most batches are new: an engine may let its unique index find a taken code, so no row pays a lookup first.
            return await ImportAsync(dossiers, staff, at, lookUpFirst: false, cancellationToken);
        }
        catch (DossierCodeTakenException)
        {
            // The failed attempt was rolled back whole; this one leaves the taken codes out.
            return await ImportAsync(dossiers, staff, at, lookUpFirst: true, cancellationToken);
        }
    }

    private Task<IReadOnlyList<bool>> ImportAsync(List<Dossier> dossiers, string staff, DateTimeOffset at, bool lookUpFirst, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async work =>
        {
            var inserted = await records.InsertNewAsync(work, dossiers, lookUpFirst);
            var codes = dossiers.Where((_, i) => inserted[i]).Select(d => d.Code).ToList();
            if (codes.Count > 0)
            {
                // One entry for the batch, found by each of its codes: an entry per dossier cost as much as the dossier.
                await records.AuditAsync(work, new StaffAction
                {
                    Commune = dossiers[0].Commune,
                    At = at,
                    Staff = staff,
                    Action = "dossier.import",
                    Targets = codes,
                    Details = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{codes.Count} dossiers"),
                });
            }
            return inserted;
        }, cancellationToken);

    private Dossier Imported(ImportedDossier row, string staff, DateTimeOffset at, string commune)
    {
        var last = row.History[^1];
        var received = row.History.FirstOrDefault(h => h.Status != DossierStatus.PreRegistered)?.At;
        return Build(row.Valid, row.Code, last.Status, staff, at, commune) with
        {
            History = [.. row.History],
            ReceivedAt = received,
            DueDate = received is null ? null : calendar.DueDate(received.Value, row.Valid.WorkingDays),
            ReturnedAt = last.Status == DossierStatus.ResultReturned ? last.At : null,
        };
    }

    private Dossier Build(NewDossier valid, string code, DossierStatus status, string actor, DateTimeOffset at, string commune)
    {
        var received = status == DossierStatus.PreRegistered ? (DateTimeOffset?)null : at;
        return new Dossier
        {
            Commune = commune,
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} filed: {ProcedureId}, phone {MaskedPhone}, {Status}")]
    private partial void LogCreated(string code, string procedureId, string maskedPhone, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} was asked for again from its chat; the same code is given")]
    private partial void LogRepeated(string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} is now {Status} (by {Staff})")]
    private partial void LogStatusChanged(string code, string status, string staff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} was changed by another writer meanwhile; the change is made again")]
    private partial void LogChangedMeanwhile(string code);
}

/// <summary>A validated dossier from another system, with its own code and history (in order, the last step its status).</summary>
public sealed record ImportedDossier(NewDossier Valid, string Code, IReadOnlyList<StatusChange> History);

/// <summary>
/// One intent to file: the chat and the draft (normalised, so "0912 345 678" and "0912345678" are one draft) on one
/// local day, hashed into the id, which every engine keeps unique. It points at the dossier that intent filed.
/// </summary>
public sealed record DossierFiling : ICommuneRecord
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
