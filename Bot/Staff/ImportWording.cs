using OneStopBot.Office;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Wording;

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
    /// <summary>{0}: an example code; {1}: the code as written.</summary>
    public const string BadCode = "Cột mã hồ sơ: \"{1}\" không đúng dạng mã, ví dụ {0}.";
    /// <summary>{0}: the status as written; {1}: the statuses' names.</summary>
    public const string UnknownStatus = "Cột trạng thái: không rõ \"{0}\". Ghi một trong: {1} (có dấu hoặc không dấu).";
    /// <summary>{0}: the date as written.</summary>
    public const string BadReceivedDate = "Cột ngày nhận: \"{0}\" không đọc được, cần dạng dd/MM/yyyy (có thể thêm giờ HH:mm).";
    /// <summary>{0}: the date as written.</summary>
    public const string ReceivedInFuture = "Cột ngày nhận: {0} là sau hôm nay.";
    public const string CodeTaken = "Mã hồ sơ đã có.";
    public const string NotSaved = "Không lưu được dòng này, anh/chị thử lại sau.";

    /// <summary>The reason in Vietnamese; null for an imported row.</summary>
    public static string? Text(DossierImportReason? reason) => reason?.Problem switch
    {
        null => null,
        DossierImportProblem.EmptyFile => EmptyFile,
        DossierImportProblem.MissingColumns => TextTemplate.Fill(MissingColumns, string.Join(", ", reason.Arguments)),
        DossierImportProblem.TooManyRows => TextTemplate.Fill(TooManyRows, DossierImport.MaxRows),
        DossierImportProblem.UnreadableRest => UnreadableRest,
        DossierImportProblem.MalformedRow => MalformedRow,
        DossierImportProblem.BadCode => TextTemplate.Fill(BadCode, reason.Arguments[0], reason.Arguments.ElementAtOrDefault(1) ?? string.Empty),
        DossierImportProblem.UnknownStatus => TextTemplate.Fill(UnknownStatus, reason.Arguments[0], StatusNames),
        DossierImportProblem.BadReceivedDate => TextTemplate.Fill(BadReceivedDate, reason.Arguments.ElementAtOrDefault(0) ?? string.Empty),
        DossierImportProblem.ReceivedInFuture => TextTemplate.Fill(ReceivedInFuture, reason.Arguments.ElementAtOrDefault(0) ?? string.Empty),
        DossierImportProblem.InvalidDossier => (reason.FieldErrors ?? []).InOneLine(),
        DossierImportProblem.CodeTaken => CodeTaken,
        DossierImportProblem.NotSaved => NotSaved,
        var other => throw new ArgumentOutOfRangeException(nameof(reason), other, "No wording for this import problem."),
    };

    // The labels staff see in the chat, which the import reads too.
    private static readonly string StatusNames = string.Join(", ", Enum.GetValues<DossierStatus>().Select(s => s.Text().Label));

}
