using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Staff;

namespace OneStopBot.Dialogs.Tests.Prompts;

/// <summary>Dates outside 2000–2100 are refused in chat before anything computes with them.</summary>
public class DateRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("25/12/2150")]
    [InlineData("1/1/1999")]
    [InlineData("31/12/9999")]
    [InlineData("ngay 1 thang 1 nam 9999")]
    public void A_date_prompt_refuses_years_outside_the_range(string typed) =>
        Assert.False(DateRecognizer.Recognize(typed, Today).Succeeded);

    [Fact]
    public void A_date_prompt_takes_the_ends_of_the_range() =>
        Assert.Equal(new DateOnly(2100, 12, 31), DateRecognizer.Recognize("31/12/2100", Today).Value);

    [Theory]
    [InlineData("1/12/9999 31/12/9999")]
    [InlineData("31/12/1999 1/1/2000")]
    [InlineData("1/1/2100 1/1/2101")]
    public void Statistics_refuse_periods_outside_the_range(string arguments) =>
        Assert.False(StaffStatisticsDialog.TryReadPeriod(arguments, Today, out _, out _));

    [Fact]
    public void Statistics_take_a_period_inside_the_range()
    {
        Assert.True(StaffStatisticsDialog.TryReadPeriod("1/1/2100 31/12/2100", Today, out var from, out var to));
        Assert.Equal((new DateOnly(2100, 1, 1), new DateOnly(2100, 12, 31)), (from, to));
    }
}
