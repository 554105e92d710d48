using System.Globalization;
using OneStopBot.Dialogs.Prompts;

namespace OneStopBot.Dialogs.Tests.Prompts;

/// <summary>Days gone by as residents tell them (a birth, a death), read on Thursday 26/11/2026.</summary>
public sealed class PastDateTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    [Theory]
    [InlineData("bé sinh ngày 2/10", "2026-10-02")]
    [InlineData("ông mất hôm thứ hai", "2026-11-23")]
    [InlineData("mất hôm thứ năm", "2026-11-19")]
    [InlineData("sinh hôm 20 tháng trước", "2026-10-20")]
    [InlineData("sinh ngay 20 thang truoc", "2026-10-20")]
    [InlineData("hôm qua", "2026-11-25")]
    [InlineData("hom kia", "2026-11-24")]
    [InlineData("tuần trước", "2026-11-19")]
    [InlineData("thứ sáu tuần trước", "2026-11-20")]
    [InlineData("3 ngày trước", "2026-11-23")]
    [InlineData("con em sinh được 3 tuần rồi", "2026-11-05")]
    [InlineData("1 tháng trước", "2026-10-26")]
    [InlineData("25/12", "2025-12-25")]
    [InlineData("26/11", "2026-11-26")]
    [InlineData("29/2", "2024-02-29")]
    [InlineData("2/10/2025", "2025-10-02")]
    [InlineData("bạn tôi sinh con ngày 2/10", "2026-10-02")]
    public void A_day_gone_by(string text, string expected)
    {
        var result = DateRecognizer.Recognize(text, Thursday, DateDirection.Past);
        Assert.True(result.Succeeded, text);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), result.Value);
    }

    [Fact]
    public void A_weekday_named_on_that_weekday_is_a_week_ago() =>
        Assert.Equal(new DateOnly(2026, 11, 23), DateRecognizer.Recognize("hôm thứ hai", new DateOnly(2026, 11, 30), DateDirection.Past).Value);

    [Theory]
    [InlineData("hôm 31 tháng trước", "2026-03-10")]
    [InlineData("30/2", "2026-11-26")]
    [InlineData("không nhớ ngày", "2026-11-26")]
    public void No_such_day(string text, string today) =>
        Assert.False(DateRecognizer.Recognize(text, DateOnly.Parse(today, CultureInfo.InvariantCulture), DateDirection.Past).Succeeded);

    [Theory]
    [InlineData("25/12", "2026-12-25")]
    [InlineData("thứ hai", "2026-11-30")]
    [InlineData("hôm qua", "2026-11-25")]
    public void Days_to_come_are_read_as_before(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateRecognizer.Recognize(text, Thursday).Value);
}
