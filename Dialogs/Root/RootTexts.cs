namespace OneStopBot.Dialogs.Root;

/// <summary>What the bot says outside any dialog. {0}: office name; {1}: phone; {2}: working hours; {3}: address.</summary>
internal static class RootTexts
{
    public const string Welcome = "Chào anh/chị! Em là trợ lý của {0}. Anh/chị cần làm gì? Bấm một nút bên dưới nhé.";

    public const string Help =
        "Em giúp được các việc này: hỏi thủ tục (cần giấy gì, mất bao lâu, bao nhiêu tiền), nộp hồ sơ trước, " +
        "tra cứu hồ sơ, nhận thông báo của xã. Anh/chị bấm nút hoặc gõ câu hỏi ngắn, ví dụ: làm giấy khai sinh.";

    public const string Thanks = "Dạ, không có chi ạ. Anh/chị cần hỏi thêm thủ tục hay tra cứu hồ sơ thì cứ nhắn em nhé.";

    public const string ChitChat = "Dạ, em chỉ giúp được việc giấy tờ của xã: hỏi thủ tục, nộp hồ sơ trước, tra cứu hồ sơ. Anh/chị cần gì thì bấm nút bên dưới nhé.";

    /// <summary>{0}: procedure; {1}: the agency handling it; {2}: where to file; {3}: how to reach it; {4}: the office phone.</summary>
    public const string OtherAgency = "{0}: việc này do {1} giải quyết, không làm ở bộ phận một cửa của xã.\n{2}\n{3}\n" +
        "Cần hỏi thêm, anh/chị gọi cán bộ một cửa số {4}.";

    public const string Cancelled = "Dạ, em đã dừng việc đang làm. Anh/chị cần gì khác thì bấm nút bên dưới.";

    /// <summary>What is stopped, for a dialog that does not name its purpose: "Anh/chị muốn dừng việc đang làm?"</summary>
    public const string CurrentTask = "đang làm";

    /// <summary>Said, with the menu, instead of going on with a conversation saved before the bot was updated.</summary>
    public const string Restarted = "Dạ, em vừa được cập nhật nên mình bắt đầu lại từ đầu. Anh/chị chọn việc cần làm bên dưới.";

    public const string NothingToCancel = "Dạ. Anh/chị cần gì thì bấm nút bên dưới.";

    public const string Menu = "Anh/chị chọn việc cần làm:";

    public const string OnlyText = "Anh/chị vui lòng gõ câu hỏi bằng chữ nhé.";

    public const string OfficeFacts = "{0}. Địa chỉ: {3}. Giờ làm việc: {2}. Điện thoại: {1}. ";
    public const string ClosedHoliday = "Ngày {0} là ngày lễ ({1}), bộ phận một cửa nghỉ. Anh/chị lên vào ngày làm việc sau nhé.";
    public const string ClosedWeekend = "Ngày {0} là ngày nghỉ, bộ phận một cửa không làm việc. Anh/chị lên từ thứ Hai đến thứ Sáu nhé.";
    public const string OpenDay = "Ngày {0} bộ phận một cửa làm việc bình thường.";

    public const string Villages = "Các thôn trong xã: ";

    public const string StaffOnly = "Lệnh này chỉ dành cho cán bộ một cửa.";

    public const string UnknownCommand = "Lệnh không có. Cán bộ dùng: /hoso MÃ, /capnhat MÃ, /thongke, /thongbao, /traloi MÃ_HỎI nội dung.";
}
