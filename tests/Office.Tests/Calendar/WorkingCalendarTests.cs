using OneStopBot.Office.Calendar;

namespace OneStopBot.Office.Tests.Calendar;

public sealed class WorkingCalendarTests : IDisposable
{
    private readonly TestOffice office = new();

    private WorkingCalendar Calendar => office.Get<WorkingCalendar>();

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + " +07:00", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Same-day procedures: before the 15:00 cut-off that day, from 15:00 the next working day.
    [InlineData("2026-11-26 14:59", 0, "2026-11-26")]
    [InlineData("2026-11-26 15:00", 0, "2026-11-27")]
    [InlineData("2026-11-27 16:30", 0, "2026-11-30")]
    // Received on a weekend: counted from Monday.
    [InlineData("2026-11-28 10:00", 0, "2026-11-30")]
    [InlineData("2026-11-28 16:00", 0, "2026-11-30")]
    [InlineData("2026-11-29 09:00", 2, "2026-12-02")]
    // Working days skip the weekend.
    [InlineData("2026-11-27 10:00", 1, "2026-11-30")]
    [InlineData("2026-11-26 16:00", 3, "2026-12-01")]
    [InlineData("2026-11-20 09:00", 7, "2026-12-01")]
    // Tết Bính Ngọ 2026: 16–20/2 are days off.
    [InlineData("2026-02-13 10:00", 1, "2026-02-23")]
    [InlineData("2026-02-13 15:30", 0, "2026-02-23")]
    [InlineData("2026-02-12 09:00", 3, "2026-02-24")]
    [InlineData("2026-02-17 09:00", 0, "2026-02-23")]
    // Tết Ất Tỵ 2025 (27–31/1), with Saturday 15/2/2025 worked in exchange.
    [InlineData("2025-01-24 09:00", 1, "2025-02-03")]
    [InlineData("2025-02-14 09:00", 1, "2025-02-15")]
    // 30/4 and 1/5, and Giỗ Tổ moved to Monday 27/4 in 2026.
    [InlineData("2026-04-24 09:00", 2, "2026-04-29")]
    [InlineData("2026-04-29 09:00", 1, "2026-05-04")]
    // Tết Đinh Mùi 2027.
    [InlineData("2027-02-04 09:00", 1, "2027-02-12")]
    public void Due_dates_count_working_days(string received, int workingDays, string due)
    {
        Assert.Equal(Day(due), Calendar.DueDate(Local(received), workingDays));
    }

    [Fact]
    public void The_cut_off_is_in_the_office_time_zone_whatever_the_offset_given()
    {
        // 08:30 UTC is 15:30 in Vietnam.
        var received = new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);

        Assert.Equal(Day("2026-11-27"), Calendar.DueDate(received, 0));
    }

    [Fact]
    public void An_unknown_time_limit_gives_no_due_date_and_a_negative_one_is_refused()
    {
        Assert.Null(Calendar.DueDate(Local("2026-11-26 09:00"), null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueDate(Local("2026-11-26 09:00"), -1));
    }

    [Theory]
    [InlineData("2025-01-01", false)]
    [InlineData("2025-09-02", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-10", true)]
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-04-27", false)]
    [InlineData("2026-11-28", false)]
    [InlineData("2026-11-30", true)]
    [InlineData("2027-02-05", false)]
    [InlineData("2027-09-03", false)]
    public void Working_days_follow_the_shipped_holidays(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Day(date)));
    }

    [Fact]
    public void Holidays_have_names()
    {
        Assert.Equal("Tết Nguyên đán Bính Ngọ", Calendar.HolidayName(Day("2026-02-17")));
        Assert.Null(Calendar.HolidayName(Day("2026-11-26")));
    }

    [Fact]
    public void Today_is_the_office_local_date_from_the_injected_clock()
    {
        office.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(Day("2026-11-26"), Calendar.Today);

        office.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(Day("2026-11-27"), Calendar.Today);
    }

    [Fact]
    public void The_next_working_day_skips_tet_and_weekends()
    {
        Assert.Equal(Day("2026-02-23"), Calendar.NextWorkingDay(Day("2026-02-13")));
        Assert.Equal(Day("2026-11-30"), Calendar.NextWorkingDay(Day("2026-11-27")));
    }

    public void Dispose() => office.Dispose();
}
