using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Calendar;

/// <summary>The office's working days: Monday to Friday, minus official days off, plus make-up working days.</summary>
public sealed class WorkingCalendar
{
    private readonly TimeProvider time;
    private readonly TimeOnly sameDayCutoff;
    private readonly Dictionary<DateOnly, string> holidays;
    private readonly HashSet<DateOnly> makeUpDays;

    public WorkingCalendar(IOptions<CalendarOptions> options, TimeProvider time)
    {
        var value = options.Value;
        this.time = time;
        TimeZone = FindTimeZone(value.TimeZone);
        sameDayCutoff = value.SameDayCutoff;
        holidays = value.Holidays
            .GroupBy(h => h.Date)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Name)));
        makeUpDays = value.MakeUpWorkingDays.Select(d => d.Date).ToHashSet();
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The office's local date now.</summary>
    public DateOnly Today => LocalDate(time.GetUtcNow());

    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant).DateTime);

    /// <summary>The instant a local date starts in the office's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public bool IsWorkingDay(DateOnly date) =>
        makeUpDays.Contains(date) ||
        (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.ContainsKey(date));

    /// <summary>The name of the official day off on <paramref name="date"/>, if it is one.</summary>
    public string? HolidayName(DateOnly date) => holidays.GetValueOrDefault(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>
    /// When a dossier received at <paramref name="receivedAt"/> is due: <paramref name="workingDays"/> working days after
    /// the day it counts as received (the next working day when received on a day off). A same-day procedure (0) is due
    /// that day, or the next working day when received at or after the cut-off. Null when the time limit is unknown.
    /// </summary>
    public DateOnly? DueDate(DateTimeOffset receivedAt, int? workingDays)
    {
        if (workingDays is not { } days)
        {
            return null;
        }
        ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(workingDays));

        var local = LocalTime(receivedAt);
        var receivedDay = DateOnly.FromDateTime(local.DateTime);
        var counted = IsWorkingDay(receivedDay) ? receivedDay : NextWorkingDay(receivedDay);
        if (days == 0)
        {
            var late = counted == receivedDay && TimeOnly.FromDateTime(local.DateTime) >= sameDayCutoff;
            return late ? NextWorkingDay(counted) : counted;
        }

        var due = counted;
        for (var i = 0; i < days; i++)
        {
            due = NextWorkingDay(due);
        }
        return due;
    }

    private static TimeZoneInfo FindTimeZone(string id)
    {
        // Vietnam has kept UTC+7 without daylight saving since 1975; a machine without time-zone data still gets it right.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), id, id);
    }
}
