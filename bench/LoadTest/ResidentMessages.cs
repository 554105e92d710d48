namespace OneStopBot.LoadTest;

/// <summary>
/// A resident's conversation as the load sends it, in order, then again: a greeting, questions about procedures
/// and their follow-ups, a status lookup, notices, the way residents type (accents or none, teencode, dialect).
/// </summary>
internal static class ResidentMessages
{
    public static IReadOnlyList<string> Conversation { get; } =
    [
        "xin chào",
        "lam giay khai sinh cho con",
        "phí bao nhiêu",
        "nộp ở mô",
        "mất mấy ngày",
        "đăng ký kết hôn cần giấy tờ gì",
        "lam online dc ko",
        "chứng thực bản sao",
        "tra cứu hồ sơ",
        "000.32.30.H49-261120-0012",
        "huỷ",
        "dang ky tam tru o nha chu",
        "giờ làm việc của xã",
        "nhận thông báo",
        "cảm ơn",
    ];
}
