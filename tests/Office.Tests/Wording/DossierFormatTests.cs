using OneStopBot.Office.Wording;

namespace OneStopBot.Office.Tests.Wording;

public sealed class DossierFormatTests
{
    [Theory]
    [InlineData("2026-11-27", "2026-12-01", "4 ngày trước")]
    [InlineData("2026-11-30", "2026-12-01", "hôm qua")]
    [InlineData("2026-12-01", "2026-12-01", "hôm nay")]
    [InlineData("2021-11-27", "2026-12-01", "1.830 ngày trước")]
    public void Relative_days_are_counted_in_calendar_days(string day, string today, string expected) =>
        Assert.Equal(expected, DossierFormat.Ago(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
