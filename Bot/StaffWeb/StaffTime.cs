using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office.Calendar;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>How the workspace's pages write a moment: in the office's time, "thứ Hai, 30/11/2026 08:15".</summary>
public static class StaffTime
{
    public static string When(DateTimeOffset instant, WorkingCalendar calendar) =>
        DossierFormat.Day(calendar.LocalDate(instant)) + " " + DossierFormat.Time(calendar.LocalTime(instant));
}
