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

/// <summary>Field errors of a request, keyed by the field's JSON name (as ProblemDetails expects).</summary>
public sealed class DossierValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException("The dossier request is not valid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

public static partial class DossierValidation
{
    public const int MaxNameLength = PersonName.MaxLength;
    public const int MaxNoteLength = 1000;
    public const int MaxWorkingDays = 365;

    /// <summary>
    /// Checks a request and returns it normalised (trimmed name, normalised phone and ID number, the village spelled as
    /// configured); <paramref name="errors"/> names each bad field. Villages are checked only when some are configured.
    /// </summary>
    public static NewDossier Normalize(NewDossier request, IReadOnlyCollection<string> villages, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        errors = [];

        var procedureId = request.ProcedureId?.Trim().ToLowerInvariant() ?? string.Empty;
        if (procedureId.Length > 64 || !ProcedureIdShape().IsMatch(procedureId))
        {
            errors["procedureId"] = ["Mã thủ tục không đúng. Ví dụ: khai-sinh."];
        }

        if (!PersonName.TryNormalize(request.ApplicantName, out var name, out var nameReason))
        {
            errors["applicantName"] = [nameReason];
        }

        if (!PersonalNumbers.TryNormalizePhone(request.Phone, out var phone))
        {
            errors["phone"] = ["Số điện thoại cần 10 số, bắt đầu bằng 0. Ví dụ: 0912345678."];
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
                errors["citizenId"] = ["Số căn cước cần đủ 12 số."];
            }
        }

        var village = WhiteSpace().Replace(request.Village ?? string.Empty, " ").Trim();
        var known = OfficeOptions.FindVillage(villages, village);
        if (village.Length == 0 || village.Length > MaxNameLength || (villages.Count > 0 && known is null))
        {
            errors["village"] = villages.Count > 0
                ? ["Thôn không có trong danh sách: " + string.Join(", ", villages) + "."]
                : ["Cần ghi tên thôn."];
        }

        if (request.WorkingDays is < 0 or > MaxWorkingDays)
        {
            errors["workingDays"] = [$"Thời hạn giải quyết từ 0 đến {MaxWorkingDays} ngày làm việc."];
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

    /// <summary>A person's name as <see cref="PersonName"/> checks and writes it.</summary>
    public static bool TryNormalizeName(string? input, out string name) => PersonName.TryNormalize(input, out name, out _);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex ProcedureIdShape();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex WhiteSpace();
}
