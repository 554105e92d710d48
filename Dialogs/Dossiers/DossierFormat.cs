using System.Globalization;
using Humanizer;

namespace OneStopBot.Dialogs.Dossiers;

/// <summary>Dates and times as residents read them: "thứ Hai, 30/11/2026", "3 ngày trước".</summary>
public static class DossierFormat
{
    private static readonly CultureInfo Vietnamese = new("vi");

    private static readonly string[] DayNames = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    /// <summary><c>thứ Hai, 30/11/2026</c>.</summary>
    public static string Day(DateOnly day) =>
        DayNames[(int)day.DayOfWeek] + ", " + day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>30/11</c>.</summary>
    public static string DayMonth(DateOnly day) => day.ToString("dd/MM", CultureInfo.InvariantCulture);

    /// <summary><c>thứ Hai 30/11</c>: a button for a day near enough to need no year.</summary>
    public static string ShortDay(DateOnly day) => DayNames[(int)day.DayOfWeek] + " " + DayMonth(day);

    /// <summary><c>3 ngày trước</c>, counted from <paramref name="now"/>.</summary>
    public static string Ago(DateTimeOffset instant, DateTimeOffset now) => instant.Humanize(now, Vietnamese);

    /// <summary>A local time of day: <c>15:05</c>.</summary>
    public static string Time(DateTimeOffset localTime) => localTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A text template filled with values, the same on every machine.</summary>
    public static string Text(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
