using System.Globalization;
using OneStopBot.Office;

namespace OneStopBot.Office.Wording;

/// <summary>Dates and times as residents read them: "thứ Hai, 30/11/2026", "3 ngày trước".</summary>
public static class DossierFormat
{
    private static readonly string[] DayNames = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    /// <summary><c>thứ Hai, 30/11/2026</c>.</summary>
    public static string Day(DateOnly day) =>
        DayNames[(int)day.DayOfWeek] + ", " + day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>30/11</c>.</summary>
    public static string DayMonth(DateOnly day) => day.ToString("dd/MM", CultureInfo.InvariantCulture);

    /// <summary><c>thứ Hai 30/11</c>: a button for a day near enough to need no year.</summary>
    public static string ShortDay(DateOnly day) => DayNames[(int)day.DayOfWeek] + " " + DayMonth(day);

    /// <summary>
    /// <c>4 ngày trước</c>: calendar days between two local days, as a resident counts them (27/11 seen on 1/12 is 4
    /// days, whatever the hours); <c>hôm nay</c> for the same day.
    /// </summary>
    public static string Ago(DateOnly day, DateOnly today) => (today.DayNumber - day.DayNumber) switch
    {
        0 => Today,
        1 => Yesterday,
        var days => VietnameseNumber.Of(days) + DaysAgo,
    };

    public const string Today = "hôm nay";
    public const string Yesterday = "hôm qua";
    public const string DaysAgo = " ngày trước";

    /// <summary>A local time of day: <c>15:05</c>.</summary>
    public static string Time(DateTimeOffset localTime) => localTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
