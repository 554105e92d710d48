using System.Text.RegularExpressions;
using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Dossiers;

/// <summary>What is needed to file a dossier, from a resident's chat or from staff.</summary>
public sealed record NewDossier
{
    public required string ProcedureId { get; init; }

    public required string ApplicantName { get; init; }

    public required string Phone { get; init; }

    public required string Village { get; init; }

    public string? CitizenId { get; init; }

    /// <summary>The chat that files it; null when staff file it.</summary>
    public ChatAddress? Owner { get; init; }

    public Submission Submission { get; init; } = Submission.Online;

    /// <summary>The procedure's time limit in working days (0 = same day); null when unknown (then no due date).</summary>
    public int? WorkingDays { get; init; }

    /// <summary>The day a pre-registered resident plans to come.</summary>
    public DateOnly? AppointmentDate { get; init; }
}

/// <summary>Why a field of a dossier request, or a status change's note, is refused.</summary>
public enum DossierProblem
{
    /// <summary>Not the shape of a procedure id (lower-case words joined by hyphens).</summary>
    MalformedProcedureId,
    /// <summary>See <see cref="DossierValidationError.Name"/>.</summary>
    InvalidName,
    InvalidPhone,
    InvalidCitizenId,
    MissingVillage,
    /// <summary>None of <see cref="DossierValidationError.Choices"/> (the configured villages).</summary>
    UnknownVillage,
    /// <summary>Outside 0 to <see cref="DossierValidationError.Limit"/> working days.</summary>
    WorkingDaysOutOfRange,
    /// <summary>Longer than <see cref="DossierValidationError.Limit"/> characters.</summary>
    NoteTooLong,
}

/// <summary>
/// One refused field, keyed by the field's JSON name (as ProblemDetails expects), with what the wording needs; the
/// host words it for the chat and the staff API, so the office keeps no sentence of its own.
/// </summary>
public sealed record DossierValidationError(
    string Field,
    DossierProblem Problem,
    PersonNameProblem Name = PersonNameProblem.None,
    int Limit = 0,
    IReadOnlyList<string>? Choices = null);

/// <summary>The refused fields of a request.</summary>
public sealed class DossierValidationException(IReadOnlyList<DossierValidationError> errors)
    : ArgumentException("The dossier request is not valid: " + string.Join(", ", errors.Select(e => e.Field + " " + e.Problem)))
{
    public IReadOnlyList<DossierValidationError> Errors { get; } = errors;
}

public static partial class DossierValidation
{
    public const int MaxNameLength = PersonName.MaxLength;
    public const int MaxNoteLength = 1000;
    public const int MaxWorkingDays = 365;

    public const string ProcedureIdField = "procedureId";
    public const string ApplicantNameField = "applicantName";
    public const string PhoneField = "phone";
    public const string CitizenIdField = "citizenId";
    public const string VillageField = "village";
    public const string WorkingDaysField = "workingDays";
    public const string NoteField = "note";

    /// <summary>
    /// Checks a request and returns it normalised (trimmed name, normalised phone and ID number, the village spelled as
    /// configured); <paramref name="errors"/> names each bad field once. Villages are checked only when some are configured.
    /// </summary>
    public static NewDossier Normalize(NewDossier request, IReadOnlyCollection<string> villages, out List<DossierValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        errors = [];

        var procedureId = request.ProcedureId?.Trim().ToLowerInvariant() ?? string.Empty;
        if (procedureId.Length > 64 || !ProcedureIdShape().IsMatch(procedureId))
        {
            errors.Add(new(ProcedureIdField, DossierProblem.MalformedProcedureId));
        }

        if (!PersonName.TryNormalize(request.ApplicantName, out var name, out var nameProblem))
        {
            errors.Add(new(ApplicantNameField, DossierProblem.InvalidName, Name: nameProblem));
        }

        if (!PersonalNumbers.TryNormalizePhone(request.Phone, out var phone))
        {
            errors.Add(new(PhoneField, DossierProblem.InvalidPhone));
        }

        string? citizenId = null;
        if (!string.IsNullOrWhiteSpace(request.CitizenId))
        {
            if (PersonalNumbers.TryNormalizeCitizenId(request.CitizenId, out var id))
            {
                citizenId = id;
            }
            else
            {
                errors.Add(new(CitizenIdField, DossierProblem.InvalidCitizenId));
            }
        }

        var village = WhiteSpace().Replace(request.Village ?? string.Empty, " ").Trim();
        var known = OfficeOptions.FindVillage(villages, village);
        if (village.Length == 0 || village.Length > MaxNameLength || (villages.Count > 0 && known is null))
        {
            errors.Add(villages.Count > 0
                ? new(VillageField, DossierProblem.UnknownVillage, Choices: [.. villages])
                : new(VillageField, DossierProblem.MissingVillage));
        }

        if (request.WorkingDays is < 0 or > MaxWorkingDays)
        {
            errors.Add(new(WorkingDaysField, DossierProblem.WorkingDaysOutOfRange, Limit: MaxWorkingDays));
        }

        return request with
        {
            ProcedureId = procedureId,
            ApplicantName = name,
            Phone = phone,
            CitizenId = citizenId,
            Village = known ?? village,
        };
    }

    /// <summary>A status change's note for the resident: none, or at most <see cref="MaxNoteLength"/> characters.</summary>
    /// <exception cref="DossierValidationException">The note is too long.</exception>
    public static string? NormalizeNote(string? note)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return note is { Length: > MaxNoteLength }
            ? throw new DossierValidationException([new(NoteField, DossierProblem.NoteTooLong, Limit: MaxNoteLength)])
            : note;
    }

    /// <summary>A person's name as <see cref="PersonName"/> checks and writes it.</summary>
    public static bool TryNormalizeName(string? input, out string name) => PersonName.TryNormalize(input, out name, out _);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex ProcedureIdShape();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex WhiteSpace();
}
