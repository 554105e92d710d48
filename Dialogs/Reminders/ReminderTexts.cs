namespace OneStopBot.Dialogs.Reminders;

/// <summary>What reminders and the reminder commands say.</summary>
public static class ReminderTexts
{
    public const string Lead = "Em nhắc anh/chị: ";

    /// <summary>{0}: the procedure; {1}: what to do ("làm khai sinh miễn phí"); {2}: the last day.</summary>
    public const string Deadline = Lead + "{0}. Hạn {1} đến {2}.";

    /// <summary>{0}: the procedure; {1}: the month; {2}: the year.</summary>
    public const string MonthDeadline = Lead + "{0}. Tháng {1} năm {2} là tháng đăng ký lần đầu, khi có thông báo gọi đăng ký.";

    /// <summary>{0}: the visit day; {1}: the dossier code; {2}: the procedure.</summary>
    public const string Visit = Lead + "ngày mai, {0}, anh/chị hẹn đến nộp hồ sơ {1} ({2}).";

    /// <summary>{0}: the dossier code; {1}: the procedure; {2}: working days waited.</summary>
    public const string Supplement = Lead + "hồ sơ {0} ({1}) đang chờ anh/chị bổ sung giấy tờ, đã {2} ngày làm việc.";

    /// <summary>{0}: what staff wrote is missing.</summary>
    public const string Missing = "Cần bổ sung: {0}";

    /// <summary>{0}: the office phone.</summary>
    public const string MissingUnknown = "Anh/chị bấm \"Tra cứu hồ sơ\" hoặc gọi cán bộ số {0} để biết cần bổ sung gì.";

    public const string HowToStop = "Không muốn nhận tin nhắc nữa, anh/chị gõ: dừng nhắc.";

    /// <summary>{0}: the day the reminder comes; {1}: days before the last day.</summary>
    public const string WillRemind = "Dạ, em sẽ nhắc anh/chị vào {0}, trước hạn {1} ngày. " + HowToStop;

    public const string AlreadySet = "Dạ, em đã hẹn nhắc anh/chị việc này rồi. " + HowToStop;

    public const string TooLate = "Hạn đã gần, em không kịp nhắc trước. Anh/chị đi làm sớm nhé.";

    public const string NothingToRemind = "Em chưa biết hạn nào để nhắc. Anh/chị hỏi hạn trước, ví dụ: bé sinh ngày 2/10 còn kịp làm khai sinh không.";

    /// <summary>{0}: how many waiting reminders were stopped.</summary>
    public const string Stopped = "Dạ, em đã dừng {0} tin nhắc. Em sẽ không nhắc anh/chị nữa.";

    public const string StoppedNone = "Dạ, em sẽ không nhắc anh/chị nữa.";

    public const string Restart = "Muốn nhắc lại, anh/chị hỏi hạn rồi bấm \"Nhắc tôi trước hạn\".";
}
