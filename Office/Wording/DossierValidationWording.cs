using OneStopBot.Office;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Wording;

/// <summary>
/// The Vietnamese wording of a refused name or dossier field, one text per reason, for the chat (a prompt's retry) and
/// for the staff API (ProblemDetails <c>errors</c>, an import row's reason) alike.
/// </summary>
public static class DossierValidationWording
{
    public static string Message(this PersonNameProblem problem) => problem switch
    {
        PersonNameProblem.Empty => DossierValidationTexts.NameEmpty,
        PersonNameProblem.TooLong => TextTemplate.Fill(DossierValidationTexts.NameTooLong, VietnameseNumber.Of(PersonName.MaxLength)),
        PersonNameProblem.HasDigits => DossierValidationTexts.NameHasDigits,
        PersonNameProblem.HasOther => DossierValidationTexts.NameHasOther,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "An accepted name has nothing to word."),
    };

    public static string Message(this DossierValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Problem switch
        {
            DossierProblem.MalformedProcedureId => DossierValidationTexts.MalformedProcedureId,
            DossierProblem.InvalidName => error.Name.Message(),
            DossierProblem.InvalidPhone => DossierValidationTexts.InvalidPhone,
            DossierProblem.InvalidCitizenId => DossierValidationTexts.InvalidCitizenId,
            DossierProblem.MissingVillage => DossierValidationTexts.MissingVillage,
            DossierProblem.UnknownVillage => TextTemplate.Fill(DossierValidationTexts.UnknownVillage, string.Join(", ", error.Choices ?? [])),
            DossierProblem.WorkingDaysOutOfRange => TextTemplate.Fill(DossierValidationTexts.WorkingDaysOutOfRange, VietnameseNumber.Of(error.Limit)),
            DossierProblem.NoteTooLong => TextTemplate.Fill(DossierValidationTexts.NoteTooLong, VietnameseNumber.Of(error.Limit)),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Problem, "No wording for this problem."),
        };
    }

    /// <summary>The errors as ProblemDetails carries them: each field's JSON name and its messages.</summary>
    public static Dictionary<string, string[]> ByField(this IEnumerable<DossierValidationError> errors) =>
        errors.GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(field => field.Key, field => field.Select(Message).ToArray(), StringComparer.Ordinal);

    /// <summary>The errors in one line, as an import row's reason.</summary>
    public static string InOneLine(this IEnumerable<DossierValidationError> errors) => string.Join(" ", errors.Select(Message));
}

/// <summary>Texts of <see cref="DossierValidationWording"/>. {0}: the value each text names.</summary>
public static class DossierValidationTexts
{
    public const string NameEmpty = "Anh/chị chưa gõ họ tên. Ví dụ: Hồ Thị Lan.";
    /// <summary>{0}: the longest name.</summary>
    public const string NameTooLong = "Họ tên dài quá, tối đa {0} ký tự.";
    public const string NameHasDigits = "Họ tên không có chữ số. Anh/chị gõ lại họ tên, ví dụ: Hồ Thị Lan.";
    public const string NameHasOther = "Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy ('), gạch nối (-) hoặc dấu chấm. Ví dụ: Hồ Thị Lan.";

    public const string MalformedProcedureId = "Mã thủ tục không đúng. Ví dụ: khai-sinh.";
    public const string InvalidPhone = "Số điện thoại cần 10 số, bắt đầu bằng 0. Ví dụ: 0912345678.";
    public const string InvalidCitizenId = "Số căn cước cần đủ 12 số.";
    public const string MissingVillage = "Cần ghi tên thôn.";
    /// <summary>{0}: the configured villages.</summary>
    public const string UnknownVillage = "Thôn không có trong danh sách: {0}.";
    /// <summary>{0}: the longest time limit.</summary>
    public const string WorkingDaysOutOfRange = "Thời hạn giải quyết từ 0 đến {0} ngày làm việc.";
    /// <summary>{0}: the longest note.</summary>
    public const string NoteTooLong = "Ghi chú tối đa {0} ký tự.";
}
