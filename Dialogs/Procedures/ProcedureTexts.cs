namespace OneStopBot.Dialogs.Procedures;

/// <summary>What the bot says about procedures.</summary>
internal static class ProcedureTexts
{
    public const string AskWhich = "Anh/chị muốn hỏi thủ tục gì? Anh/chị chỉ cần gõ vài chữ, ví dụ: làm giấy khai sinh.";
    public const string ChooseOne = "Anh/chị muốn hỏi thủ tục nào? Bấm một nút, hoặc gõ số.";

    public const string Documents = "Giấy tờ cần mang:";
    public const string Time = "Thời gian: ";
    public const string Fee = "Lệ phí: ";
    public const string Where = "Nộp ở đâu: ";
    public const string Online = "Làm trực tuyến: ";
    public const string Steps = "Các bước làm:";
    public const string OfficeHours = "Giờ làm việc của bộ phận một cửa: ";

    public const string Original = "bản chính";
    public const string Copy = "bản sao";
    public const string Show = "mang theo để cán bộ xem";

    /// <summary>{0}: the office phone.</summary>
    public const string NotFound =
        "Em chưa tìm thấy thủ tục hợp với câu hỏi này. Em đã ghi lại để cán bộ bổ sung. " +
        "Anh/chị gọi cán bộ một cửa số {0}, hoặc bấm \"Gặp cán bộ\".";

    // Buttons after an answer.
    public const string DocumentsButton = "Giấy tờ cần mang";
    public const string FeeButton = "Lệ phí";
    public const string TimeButton = "Thời gian";
    public const string OtherProcedureButton = "Hỏi thủ tục khác";
}
