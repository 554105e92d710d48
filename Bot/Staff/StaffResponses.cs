using System.Text.Json.Serialization;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Questions;

namespace OneStopBot.Bot.Staff;

/// <summary>
/// A dossier as the staff API shows it: phone and ID numbers masked, no chat address, no storage id. The wire shape
/// is this record's, so the office's own record can change without breaking the province's integrations.
/// </summary>
public sealed record DossierResponse(
    string Code,
    string ProcedureId,
    string ApplicantName,
    string MaskedPhone,
    string? MaskedCitizenId,
    string Village,
    DossierStatus Status,
    IReadOnlyList<StatusChangeResponse> History,
    Submission Submission,
    int? WorkingDays,
    DateTimeOffset CreatedAt,
    DateOnly? AppointmentDate,
    DateTimeOffset? ReceivedAt,
    DateOnly? DueDate,
    DateTimeOffset? ReturnedAt,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>After a status change only: whether the resident is told by chat (a dossier filed elsewhere has no chat).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ResidentNotified { get; init; }

    /// <summary>After a status change only: the same in words, for the person at the other system's screen.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    public static DossierResponse From(Dossier dossier) => new(
        dossier.Code,
        dossier.ProcedureId,
        dossier.ApplicantName,
        dossier.MaskedPhone,
        dossier.MaskedCitizenId,
        dossier.Village,
        dossier.Status,
        [.. dossier.History.Select(change => new StatusChangeResponse(change.At, change.Status, change.Actor, change.Note))],
        dossier.Submission,
        dossier.WorkingDays,
        dossier.CreatedAt,
        dossier.AppointmentDate,
        dossier.ReceivedAt,
        dossier.DueDate,
        dossier.ReturnedAt,
        dossier.ResolvedAt);
}

/// <summary>One step of a dossier's history: when, which status, who (a staff member, <c>api</c> or the resident), the note.</summary>
public sealed record StatusChangeResponse(DateTimeOffset At, DossierStatus Status, string Actor, string? Note);

/// <summary>The answer of <c>POST dossiers/import</c>: counts, and what happened to each CSV line.</summary>
public sealed record ImportResponse(int Imported, int Rejected, IReadOnlyList<ImportRowResponse> Rows)
{
    public static ImportResponse From(DossierImportReport report) => new(
        report.Imported,
        report.Rejected,
        [.. report.Rows.Select(row => new ImportRowResponse(row.Line, row.Code, row.Imported, ImportWording.Text(row.Reason)))]);
}

public sealed record ImportRowResponse(int Line, string? Code, bool Imported, string? Reason);

/// <summary>A question the bot could not answer, numbers already masked.</summary>
public sealed record QuestionResponse(int Id, string Text, DateTimeOffset AskedAt, string ChannelId)
{
    public static QuestionResponse From(UnansweredQuestion question) => new(question.Id, question.Text, question.AskedAt, question.ChannelId);
}
