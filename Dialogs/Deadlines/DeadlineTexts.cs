namespace OneStopBot.Dialogs.Deadlines;

/// <summary>What the bot says about a resident's deadline. {0} is a day as "thứ Hai, 30/11/2026" unless said otherwise.</summary>
public static class DeadlineTexts
{
    public const string AskBirth = "Bé sinh ngày nào ạ? Anh/chị gõ ngày, ví dụ: 2/10, hôm qua, thứ hai tuần trước.";
    public const string AskDeath = "Người thân mất ngày nào ạ? Anh/chị gõ ngày, ví dụ: 2/10, hôm qua, hôm thứ hai.";
    public const string AskDecision = "Anh/chị biết quyết định (hoặc việc làm) đó vào ngày nào? Anh/chị gõ ngày, ví dụ: 2/10.";
    public const string AskSonBirth = "Con trai anh/chị sinh ngày nào? Anh/chị gõ ngày, ví dụ: 15/3/2010.";
    public const string Retry = "Em chưa hiểu ngày. Anh/chị gõ ngày giúp em, ví dụ: 2/10 hoặc 2/10/2026.";

    /// <summary>{0}: the day typed, which has not come yet.</summary>
    public const string NotYet = "Ngày {0} chưa tới. Anh/chị gõ ngày đã qua, ví dụ: 2/10.";

    public const string BornOn = "Bé sinh {0}.";
    public const string DiedOn = "Người thân mất {0}.";
    public const string KnownOn = "Anh/chị biết việc này {0}.";
    public const string SonBornOn = "Con trai anh/chị sinh {0}.";

    public const string DoBirth = "làm khai sinh";
    public const string DoDeath = "làm khai tử";
    public const string DoComplaint = "gửi khiếu nại";
    public const string Free = " miễn phí";

    /// <summary>{0}: what to do ("làm khai sinh miễn phí"); {1}: the last day; {2}: days left.</summary>
    public const string InTime = "Hạn {0} đến {1} — còn {2} ngày.";

    /// <summary>{0}: what to do; {1}: today, the last day.</summary>
    public const string LastDay = "Hôm nay, {1}, là ngày cuối cùng để {0}. Anh/chị đi ngay hôm nay.";

    /// <summary>{0}: the last day, a day off; {1}: the last working day before it.</summary>
    public const string DayOff = "Ngày {0} xã nghỉ. Anh/chị nên đến trước, muộn nhất {1}.";

    /// <summary>{0}: the last day, a day off, with no working day left before it.</summary>
    public const string NoWorkingDayLeft = "Từ nay đến {0} xã nghỉ. Anh/chị gọi cán bộ một cửa để hỏi cách làm.";

    public const string OrOnline = "Anh/chị cũng nộp trực tuyến được (dichvucong.gov.vn hoặc ứng dụng VNeID).";

    /// <summary>{0}: how many days before the last day the reminder comes.</summary>
    public const string OfferReminder = "Muốn em nhắc trước {0} ngày, anh/chị bấm \"Nhắc tôi trước hạn\".";

    /// <summary>{0}: what was to be done; {1}: days late; {2}: the last day.</summary>
    public const string Late = "Đã quá hạn {0} {1} ngày (hạn là {2}).";

    public const string AfterLateFee = "Anh/chị vẫn làm được, nhưng nộp lệ phí theo mức của tỉnh. Anh/chị nên làm sớm.";
    public const string AfterRegisterAgain = "Anh/chị phải đăng ký lại. Anh/chị hỏi cán bộ một cửa giấy tờ cần mang.";
    public const string AfterNothing = "Anh/chị gặp cán bộ một cửa để hỏi còn cách nào không.";

    /// <summary>{0}: the month; {1}: the year; {2}: the age; {3}: days until the month starts; {4}: its first day.</summary>
    public const string MonthAhead =
        "Con đăng ký nghĩa vụ quân sự lần đầu vào tháng {0} năm {1} (năm con đủ {2} tuổi), khi có thông báo gọi đăng ký. Còn {3} ngày nữa là đến {4}.";

    /// <summary>{0}: the month; {1}: its last day; {2}: days left.</summary>
    public const string MonthNow = "Đang là tháng {0}, tháng đăng ký. Con anh/chị đi đăng ký khi có thông báo gọi, hạn đến {1} — còn {2} ngày.";

    /// <summary>{0}: the month; {1}: the year; {2}: the age.</summary>
    public const string MonthPast = "Tháng {0} năm {1} (năm con đủ {2} tuổi) đã qua. Anh/chị cho con đến Ban Chỉ huy quân sự xã hỏi ngay nhé.";

    public const string AskToConfirm = "Anh/chị hỏi Ban Chỉ huy quân sự xã cho chắc ngày.";

    public const string RemindButton = "Nhắc tôi trước hạn";
}
