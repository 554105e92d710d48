namespace OneStopBot.Dialogs.Dossiers;

/// <summary>What the pre-registration dialog says. {0}, {1}…: values in the order each text names them.</summary>
internal static class PreRegisterTexts
{
    public const string Purpose = "nộp hồ sơ";
    public const string AskProcedure = "Anh/chị muốn nộp hồ sơ thủ tục gì? Anh/chị chỉ cần gõ vài chữ, ví dụ: khai sinh.";
    public const string ChooseProcedure = "Anh/chị muốn nộp hồ sơ thủ tục nào? Bấm một nút, hoặc gõ số.";
    public const string ProcedureNotFound = "Em chưa tìm thấy thủ tục này. Anh/chị gõ lại tên thủ tục, ví dụ: khai sinh, kết hôn.";
    public const string Starting = "Nộp hồ sơ trước: {0}. Em hỏi vài câu ngắn nhé.";

    /// <summary>Before the name, where the procedure can be filed online: that first, the visit second.</summary>
    public const string OnlineFirst =
        "Thủ tục này làm trực tuyến được trên điện thoại, khỏi phải lên xã: bấm \"Làm trực tuyến\" để xem cách làm. Muốn hẹn ngày lên xã thì anh/chị trả lời câu dưới đây.";

    public const string AskName = "Họ và tên người nộp hồ sơ là gì?";
    public const string NameRetry = "Anh/chị gõ họ và tên bằng chữ, ví dụ: Hồ Thị Lan.";
    public const string NameWithoutMarks = "Tên \"{0}\" chưa có dấu. Giấy tờ sẽ ghi đúng tên này. Anh/chị giữ nguyên, hay gõ lại có dấu?";
    public const string KeepName = "Giữ nguyên";
    public const string RetypeName = "Gõ lại có dấu";
    public const string NameMarksRetry = "Anh/chị bấm một nút bên dưới, hoặc gõ lại họ và tên có dấu.";
    public const string AskNameWithMarks = "Anh/chị gõ lại họ và tên có dấu, ví dụ: Nguyễn Văn An.";
    public const string AskPhone = "Số điện thoại của anh/chị là gì? Cán bộ sẽ gọi số này khi cần.";
    public const string AskVillage = "Anh/chị ở thôn nào? Bấm một nút bên dưới.";
    public const string AskDay = "Anh/chị muốn đến xã nộp hồ sơ ngày nào? Ví dụ: mai, thứ hai, {0}.";
    public const string DayInPast = "Ngày đó đã qua rồi. Anh/chị bấm một ngày bên dưới nhé.";
    public const string DayTooFar = "Ngày đó xa quá. Anh/chị chọn ngày trong {0} ngày tới, hoặc bấm một ngày bên dưới.";
    public const string DayHoliday = "Ngày {0} là ngày nghỉ ({1}). Anh/chị bấm một ngày làm việc bên dưới nhé.";
    public const string DayWeekend = "Ngày {0} xã không làm việc. Anh/chị bấm một ngày làm việc bên dưới nhé.";
    public const string AskCitizenId = "Số căn cước của người nộp (12 số)? Không nhớ thì bấm \"Bỏ qua\".";
    public const string Skip = "Bỏ qua";

    public const string Summary = "Anh/chị xem lại thông tin:";
    public const string SummaryProcedure = "Thủ tục: ";
    public const string SummaryName = "Họ tên: ";
    public const string SummaryPhone = "Điện thoại: ";
    public const string SummaryVillage = "Thôn: ";
    public const string SummaryDay = "Ngày đến: ";
    public const string SummaryCitizenId = "Số căn cước: ";
    public const string NoCitizenId = "chưa có";
    public const string AskConfirm = "Thông tin đúng chưa? Bấm \"Gửi\" để gửi, hoặc \"Sửa\" để sửa.";
    public const string Send = "Gửi";
    public const string Correct = "Sửa";
    public const string AskField = "Anh/chị muốn sửa mục nào?";

    public const string FieldProcedure = "Thủ tục";
    public const string FieldName = "Họ tên";
    public const string FieldPhone = "Điện thoại";
    public const string FieldVillage = "Thôn";
    public const string FieldDay = "Ngày đến";
    public const string FieldCitizenId = "Số căn cước";

    public const string Done = "Em đã ghi nhận hồ sơ của anh/chị.";
    public const string CodeFollows = "Mã hồ sơ của anh/chị ở tin dưới đây. Anh/chị ghi lại mã này để tra cứu:";
    public const string Visit = "Anh/chị đến {0} vào {1}. Giờ làm việc: {2}.";
    public const string Desk = "bộ phận một cửa";
    public const string OtherReceiver = "Hồ sơ này do {0} nhận.";
    public const string NotOffered =
        "Thủ tục {0} em chưa rõ nơi nhận hồ sơ, nên chưa nộp trước được. Anh/chị gọi bộ phận một cửa số {1} để hỏi, hoặc xem trên dichvucong.gov.vn.";
    public const string Expected = "Nếu đủ giấy tờ, ngày dự kiến có kết quả: {0}.";
    public const string ExpectedUnknown = "Cán bộ sẽ báo ngày có kết quả khi nhận hồ sơ.";
    public const string Next = "Muốn xem hồ sơ, anh/chị bấm \"Tra cứu hồ sơ\" và gõ mã trên.";
}
