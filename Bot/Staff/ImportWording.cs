using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Staff;

/// <summary>The import's words for staff: each row's reason, and the note its dossiers carry.</summary>
public static class ImportWording
{
    /// <summary>The note of an imported dossier's first step, shown to the resident with the dossier's history.</summary>
    public const string ImportedNote = "Nhập từ hệ thống của tỉnh";

    public const string EmptyFile = "Tệp trống, không có dòng tiêu đề.";
    public const string MissingColumns = "Thiếu cột: {0}.";
    public const string TooManyRows = "Tệp quá dài: chỉ nhập {0} dòng đầu.";
    public const string UnreadableRest = "Không đọc được phần còn lại của tệp CSV.";
    public const string MalformedRow = "Dòng sai định dạng CSV (dấu ngoặc kép).";
    public const string BadCode = "Mã hồ sơ không đúng dạng {0}.";
    public const string UnknownStatus = "Trạng thái không rõ: {0}.";
    public const string BadReceivedDate = "Ngày nhận không đúng (dd/MM/yyyy, không sau hôm nay).";
    public const string CodeTaken = "Mã hồ sơ đã có.";
    public const string NotSaved = "Không lưu được dòng này, anh/chị thử lại sau.";

    /// <summary>The reason in Vietnamese; null for an imported row.</summary>
    public static string? Text(DossierImportReason? reason) => reason?.Problem switch
    {
        null => null,
        DossierImportProblem.EmptyFile => EmptyFile,
        DossierImportProblem.MissingColumns => Format(MissingColumns, string.Join(", ", reason.Arguments)),
        DossierImportProblem.TooManyRows => Format(TooManyRows, DossierImport.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        DossierImportProblem.UnreadableRest => UnreadableRest,
        DossierImportProblem.MalformedRow => MalformedRow,
        DossierImportProblem.BadCode => Format(BadCode, reason.Arguments[0]),
        DossierImportProblem.UnknownStatus => Format(UnknownStatus, reason.Arguments[0]),
        DossierImportProblem.BadReceivedDate => BadReceivedDate,
        DossierImportProblem.InvalidDossier => (reason.FieldErrors ?? []).InOneLine(),
        DossierImportProblem.CodeTaken => CodeTaken,
        DossierImportProblem.NotSaved => NotSaved,
        var other => throw new ArgumentOutOfRangeException(nameof(reason), other, "No wording for this import problem."),
    };

    private static string Format(string text, string argument) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, argument);
}
