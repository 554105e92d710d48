using System.Globalization;
using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Office.Calendar;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>
/// A day as residents write it: hôm nay, mai, ngày mai, mốt, ngày kia, thứ hai … chủ nhật (the next one; "tuần sau"
/// for next week's), 25/12, 25/12/2026, 25-12-2026, "ngày 25 tháng 12".
/// </summary>
public static partial class DateRecognizer
{
    private static readonly (string Word, int Days)[] RelativeDays =
    [
        ("hom nay", 0), ("bua nay", 0), ("nay", 0),
        ("ngay mai", 1), ("sang mai", 1), ("chieu mai", 1), ("mai", 1),
        ("ngay mot", 2), ("ngay kia", 2), ("mot", 2),
    ];

    private static readonly (string Word, DayOfWeek Day)[] Weekdays =
    [
        ("thu hai", DayOfWeek.Monday), ("thu 2", DayOfWeek.Monday), ("t2", DayOfWeek.Monday),
        ("thu ba", DayOfWeek.Tuesday), ("thu 3", DayOfWeek.Tuesday), ("t3", DayOfWeek.Tuesday),
        ("thu tu", DayOfWeek.Wednesday), ("thu 4", DayOfWeek.Wednesday), ("t4", DayOfWeek.Wednesday),
        ("thu nam", DayOfWeek.Thursday), ("thu 5", DayOfWeek.Thursday), ("t5", DayOfWeek.Thursday),
        ("thu sau", DayOfWeek.Friday), ("thu 6", DayOfWeek.Friday), ("t6", DayOfWeek.Friday),
        ("thu bay", DayOfWeek.Saturday), ("thu 7", DayOfWeek.Saturday), ("t7", DayOfWeek.Saturday),
        ("chu nhat", DayOfWeek.Sunday), ("cn", DayOfWeek.Sunday),
    ];

    public static Recognition<DateOnly> Recognize(string? text, DateOnly today)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!', '?', ',');
        if (folded.Length == 0 || folded.Length > 100)
        {
            return Recognition<DateOnly>.Failed;
        }
        return Numeric(folded, today) ?? Weekday(folded, today) ?? Relative(folded, today) ?? Recognition<DateOnly>.Failed;
    }

    private static Recognition<DateOnly>? Numeric(string folded, DateOnly today)
    {
        var match = SlashDate().Match(folded);
        if (!match.Success)
        {
            match = WordDate().Match(folded);
        }
        if (!match.Success)
        {
            return null;
        }
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var yearGroup = match.Groups["y"];
        var year = yearGroup.Success ? int.Parse(yearGroup.Value, CultureInfo.InvariantCulture) : today.Year;
        if (yearGroup.Success && yearGroup.Value.Length == 2)
        {
            year += 2000;
        }
        if (year is < OfficeDates.MinYear or > OfficeDates.MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Recognition<DateOnly>.Failed;
        }
        var date = new DateOnly(year, month, day);
        // "25/12" said in late December for next month's day means next year.
        if (!yearGroup.Success && date < today)
        {
            date = date.AddYears(1);
        }
        return Recognition<DateOnly>.Of(date);
    }

    private static Recognition<DateOnly>? Weekday(string folded, DateOnly today)
    {
        foreach (var (word, day) in Weekdays)
        {
            if (!ContainsWord(folded, word))
            {
                continue;
            }
            var nextWeek = folded.Contains("tuan sau", StringComparison.Ordinal) || folded.Contains("tuan toi", StringComparison.Ordinal);
            if (nextWeek)
            {
                var nextMonday = today.AddDays(8 - IsoDay(today.DayOfWeek));
                return Recognition<DateOnly>.Of(nextMonday.AddDays(IsoDay(day) - 1));
            }
            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            return Recognition<DateOnly>.Of(today.AddDays(ahead == 0 ? 7 : ahead));
        }
        return null;
    }

    private static Recognition<DateOnly>? Relative(string folded, DateOnly today)
    {
        foreach (var (word, days) in RelativeDays)
        {
            if (ContainsWord(folded, word))
            {
                return Recognition<DateOnly>.Of(today.AddDays(days));
            }
        }
        return null;
    }

    private static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static bool ContainsWord(string text, string word) =>
        $" {text} ".Contains($" {word} ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})(?:\s*[/\-.]\s*(?<y>\d{4}|\d{2}))?(?!\d)", RegexOptions.None, matchTimeoutMilliseconds: 50)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s+nam\s+(?<y>\d{4}))?", RegexOptions.NonBacktracking)]
    private static partial Regex WordDate();
}
