using System.Globalization;
using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Office.Calendar;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>
/// A day as residents write it: hôm nay, mai, ngày mai, mốt, ngày kia, hôm qua, hôm kia, thứ hai … chủ nhật (the next
/// one; "tuần sau" for next week's, "tuần trước" for last week's), 25/12, 25/12/2026, 25-12-2026, "ngày 25 tháng 12",
/// "hôm 20 tháng trước", "3 ngày trước", "2 tuần rồi", "tuần trước". A day and month without a year, or a weekday, is
/// the nearest such day not in the past — or, asked about a day gone by (<see cref="DateDirection.Past"/>: a birth, a
/// death), the nearest not in the future. A part of the sentence that refuses a day ("hôm nay không được, mai nhé") is
/// not read, and "Mai" inside a name ("Nguyễn Thị Mai") is not tomorrow.
/// </summary>
public static partial class DateRecognizer
{
    private static readonly (string Word, int Days)[] RelativeDays =
    [
        ("hom kia", -2), ("bua kia", -2), ("hom qua", -1), ("bua qua", -1), ("hom nay", 0), ("bua nay", 0), ("nay", 0),
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

    private static readonly string[] Refusals =
    [
        "khong duoc", "ko duoc", "k duoc", "kg duoc", "khong dc", "ko dc", "k dc", "kg dc", "chua duoc", "khong the",
        "ko the", "khong kip", "ko kip", "khong di", "ko di", "ban", "khong ranh", "ko ranh",
    ];

    // Words that join clauses: "thứ hai bận nhưng thứ ba được".
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal) { "nhung", "ma", "con" };

    // Middle names before a given name: "Thị Mai", "Văn Mai".
    private static readonly HashSet<string> MiddleNames = new(StringComparer.Ordinal) { "thị", "văn", "thi", "van" };

    public static Recognition<DateOnly> Recognize(string? text, DateOnly today, DateDirection direction = DateDirection.Ahead)
    {
        var raw = (text ?? string.Empty).Trim();
        if (raw.Length == 0 || raw.Length > 100)
        {
            return Recognition<DateOnly>.Failed;
        }
        foreach (var clause in Clauses(raw))
        {
            var folded = UserText.Fold(clause).Trim(' ', '.', '!', '?', ',');
            // A refusal is about a day to come; told of a day gone by, "bạn" (folded "ban") is a friend, not "bận".
            if (folded.Length == 0 || (direction == DateDirection.Ahead && Refusals.Any(refusal => ContainsWord(folded, refusal))))
            {
                continue;
            }
            if ((DayOfLastMonth(folded, today) ?? Numeric(folded, today, direction) ?? Ago(folded, today)
                ?? Weekday(folded, today, direction) ?? Relative(clause, folded, today)) is { } found)
            {
                return found;
            }
        }
        return Recognition<DateOnly>.Failed;
    }

    /// <summary>The parts of a message between commas, semicolons and joining words, as typed.</summary>
    private static IEnumerable<string> Clauses(string raw)
    {
        var clause = new List<string>();
        foreach (var word in raw.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Joins.Contains(UserText.Fold(word)) && clause.Count > 0)
            {
                yield return string.Join(' ', clause);
                clause.Clear();
                continue;
            }
            clause.Add(word.TrimEnd(',', ';'));
            if (word.EndsWith(',') || word.EndsWith(';'))
            {
                yield return string.Join(' ', clause);
                clause.Clear();
            }
        }
        if (clause.Count > 0)
        {
            yield return string.Join(' ', clause);
        }
    }

    private static Recognition<DateOnly>? Numeric(string folded, DateOnly today, DateDirection direction)
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
        if (!yearGroup.Success)
        {
            return NearestYear(day, month, today, direction);
        }
        var year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
        if (yearGroup.Value.Length == 2)
        {
            year += 2000;
        }
        return IsDay(year, month, day) ? Recognition<DateOnly>.Of(new DateOnly(year, month, day)) : Recognition<DateOnly>.Failed;
    }

    private static bool IsDay(int year, int month, int day) =>
        year is >= OfficeDates.MinYear and <= OfficeDates.MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>
    /// The day and month in the nearest year on the asked side of today: "25/12" said in late December for next
    /// month's day means next year; "2/10" told of a birth in January means last year; "29/2" the nearest leap year's.
    /// </summary>
    private static Recognition<DateOnly> NearestYear(int day, int month, DateOnly today, DateDirection direction)
    {
        var step = direction == DateDirection.Past ? -1 : 1;
        // Eight years always include a leap year's 29/2; any other day is found in the first two.
        for (var i = 0; i < 8; i++)
        {
            var year = today.Year + (i * step);
            if (!IsDay(year, month, day))
            {
                continue;
            }
            var date = new DateOnly(year, month, day);
            if (direction == DateDirection.Past ? date <= today : date >= today)
            {
                return Recognition<DateOnly>.Of(date);
            }
        }
        return Recognition<DateOnly>.Failed;
    }

    /// <summary>"hôm 20 tháng trước": that day of last month.</summary>
    private static Recognition<DateOnly>? DayOfLastMonth(string folded, DateOnly today)
    {
        var match = LastMonthDay().Match(folded);
        if (!match.Success)
        {
            return null;
        }
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var lastMonth = today.AddMonths(-1);
        return IsDay(lastMonth.Year, lastMonth.Month, day)
            ? Recognition<DateOnly>.Of(new DateOnly(lastMonth.Year, lastMonth.Month, day))
            : Recognition<DateOnly>.Failed;
    }

    /// <summary>"3 ngày trước", "2 tuần rồi", "1 tháng trước", or "tuần trước" alone (a week ago).</summary>
    private static Recognition<DateOnly>? Ago(string folded, DateOnly today)
    {
        var match = Elapsed().Match(folded);
        if (!match.Success)
        {
            return ContainsWord(folded, "tuan truoc") && !Weekdays.Any(w => ContainsWord(folded, w.Word))
                ? Recognition<DateOnly>.Of(today.AddDays(-7))
                : null;
        }
        var count = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var date = match.Groups["u"].Value switch
        {
            "ngay" => today.AddDays(-count),
            "tuan" => today.AddDays(-7 * count),
            _ => today.AddMonths(-count),
        };
        return date.Year >= OfficeDates.MinYear ? Recognition<DateOnly>.Of(date) : Recognition<DateOnly>.Failed;
    }

    private static Recognition<DateOnly>? Weekday(string folded, DateOnly today, DateDirection direction)
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
            if (folded.Contains("tuan truoc", StringComparison.Ordinal))
            {
                var lastMonday = today.AddDays(-6 - IsoDay(today.DayOfWeek));
                return Recognition<DateOnly>.Of(lastMonday.AddDays(IsoDay(day) - 1));
            }
            if (direction == DateDirection.Past)
            {
                // "ông mất hôm thứ hai": the last Monday before today; said on a Monday, a week ago.
                var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
                return Recognition<DateOnly>.Of(today.AddDays(back == 0 ? -7 : -back));
            }
            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            return Recognition<DateOnly>.Of(today.AddDays(ahead == 0 ? 7 : ahead));
        }
        return null;
    }

    private static Recognition<DateOnly>? Relative(string clause, string folded, DateOnly today)
    {
        foreach (var (word, days) in RelativeDays)
        {
            if (ContainsWord(folded, word) && !(word.Length <= 3 && IsInName(clause, word)))
            {
                return Recognition<DateOnly>.Of(today.AddDays(days));
            }
        }
        return null;
    }

    /// <summary>"Mai" after a middle name, or capitalised next to another capitalised word: part of a name.</summary>
    private static bool IsInName(string clause, string word)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (UserText.Fold(words[i]).Trim('.', '!', '?') != word)
            {
                continue;
            }
            var capital = char.IsUpper(words[i][0]);
            var before = i > 0 ? words[i - 1] : null;
            var after = i + 1 < words.Length ? words[i + 1] : null;
            if ((before is not null && (MiddleNames.Contains(before.ToLowerInvariant()) || (capital && char.IsUpper(before[0]))))
                || (capital && after is not null && char.IsUpper(after[0])))
            {
                return true;
            }
        }
        return false;
    }

    private static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static bool ContainsWord(string text, string word) =>
        $" {text} ".Contains($" {word} ", StringComparison.Ordinal);

    // No digit right before or after; written without lookarounds so that the linear engine can run it (a timeout
    // would fail a resident's turn on a busy host).
    [GeneratedRegex(@"(?:^|\D)(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})(?:\s*[/\-.]\s*(?<y>\d{4}|\d{2}))?(?:\D|$)", RegexOptions.NonBacktracking)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"(?:hom|ngay|bua|mung)\s+(?<d>\d{1,2})\s+thang\s+truoc", RegexOptions.NonBacktracking)]
    private static partial Regex LastMonthDay();

    [GeneratedRegex(@"(?:^|\D)(?<n>\d{1,3})\s+(?<u>ngay|tuan|thang)\s+(?:truoc|roi)(?:\s|$)", RegexOptions.NonBacktracking)]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s+nam\s+(?<y>\d{4}))?", RegexOptions.NonBacktracking)]
    private static partial Regex WordDate();
}

/// <summary>Which side of today a day without a year or week is on: a visit to come, or a birth or death gone by.</summary>
public enum DateDirection
{
    Ahead,
    Past,
}
