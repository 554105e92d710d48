using LiteDB;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// One administrative dossier. The phone and citizen ID numbers are stored normalised and never leave the office
/// unmasked: what is shown or sent carries only <see cref="MaskedPhone"/> and <see cref="MaskedCitizenId"/>, and
/// <see cref="ToString"/> shows no personal data.
/// </summary>
public sealed record Dossier : ICommuneRecord
{
    public int Id { get; init; }

    /// <summary>The commune whose office holds it (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public required string Code { get; init; }

    public required string ProcedureId { get; init; }

    public required string ApplicantName { get; init; }

    /// <summary>Ten digits starting with 0.</summary>
    public string Phone { get; init; } = string.Empty;

    /// <summary>Twelve digits, when the resident gave it.</summary>
    public string? CitizenId { get; init; }

    public required string Village { get; init; }

    /// <summary>The chat that filed it; null when staff filed it at the desk.</summary>
    public ChatAddress? Owner { get; init; }

    public DossierStatus Status { get; init; }

    public List<StatusChange> History { get; init; } = [];

    public Submission Submission { get; init; }

    /// <summary>The procedure's time limit in working days (0 = same day); null when unknown.</summary>
    public int? WorkingDays { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The day a pre-registered resident plans to come to the office.</summary>
    public DateOnly? AppointmentDate { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The day the result is due; for a pre-registration, the expected day if the dossier is received as planned.</summary>
    public DateOnly? DueDate { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    [BsonIgnore]
    public string MaskedPhone => Masking.Phone(Phone);

    [BsonIgnore]
    public string? MaskedCitizenId => CitizenId is null ? null : Masking.CitizenId(CitizenId);

    /// <summary>Whether <paramref name="lastDigits"/> are the last 4 digits of the dossier's phone (the check for someone else's chat).</summary>
    /// <remarks>Internal: outside the office, digits are checked only by <see cref="LookupGuard.VerifyDigits"/>, which counts them.</remarks>
    internal bool PhoneEndsWith(string? lastDigits)
    {
        var digits = new string((lastDigits ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 4 && Phone.EndsWith(digits, StringComparison.Ordinal);
    }

    /// <summary>Still being worked on and past its due date on <paramref name="today"/> (the office's local date).</summary>
    public bool IsOverdue(DateOnly today) => Status.IsInProgress() && DueDate is { } due && due < today;

    /// <summary>When the result was first ready or handed over, from the history.</summary>
    [BsonIgnore]
    public DateTimeOffset? ResolvedAt => History.FirstOrDefault(change => change.Status.IsResolved())?.At;

    public override string ToString() => $"Dossier {Code} ({Status.JsonName()})";
}

/// <summary>How the dossier was submitted, for the share handled online.</summary>
public enum Submission
{
    Online,
    InPerson,
}

/// <summary>One step in a dossier's history.</summary>
public sealed record StatusChange
{
    public DateTimeOffset At { get; init; }

    public DossierStatus Status { get; init; }

    /// <summary>The staff member who made the change, or <see cref="DossierDesk.ResidentActor"/> for the resident's own chat.</summary>
    public required string Actor { get; init; }

    public string? Note { get; init; }
}
