namespace OneStopBot.Bot.PublicPages;

/// <summary>The words of the public procedure pages; the facts themselves are the procedure files' and the bot's.</summary>
public static class ProcedurePageTexts
{
    public const string IndexTitle = "Các thủ tục hành chính ở xã";
    public const string IndexIntro = "Bấm tên thủ tục để xem giấy tờ cần mang, thời gian, lệ phí và nơi nộp.";
    public const string AskChat = "Hỏi trợ lý của xã";
    public const string AskAboutThis = "Hỏi trợ lý về thủ tục này";
    public const string AllProcedures = "Tất cả thủ tục";
    public const string Posters = "Mã QR của các thủ tục, để in và dán ở quầy";
    public const string LegalBasis = "Căn cứ pháp lý (văn bản quy định thủ tục này)";
    public const string QrAlt = "Mã QR của trang này";
    public const string QrCaption = "Quét mã bằng Zalo hoặc máy ảnh để mở trang này trên điện thoại.";
    public const string NotFoundTitle = "Không tìm thấy thủ tục";
    public const string NotFound = "Địa chỉ này không có thủ tục nào. Anh/chị xem danh sách tất cả thủ tục, hoặc hỏi trợ lý của xã.";

    /// <summary>Shown instead of the invalid id a 404 problem would repeat.</summary>
    public const string InvalidId = "Mã thủ tục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, tối đa {0} ký tự.";
}
