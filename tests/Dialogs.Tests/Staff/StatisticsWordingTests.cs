using OneStopBot.Dialogs.Staff;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Dialogs.Tests.Staff;

/// <summary>The office's figures as staff read them in <c>/thongke</c> and in the staff API's <c>lines</c>.</summary>
public sealed class StatisticsWordingTests
{
    private static readonly PeriodStatistics November = new()
    {
        From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30),
        Received = 7, Online = 5, Resolved = 4, ResolvedOnTime = 3, InProgress = 3, Overdue = 2,
    };

    [Fact]
    public void A_period_reads_as_the_office_reports_it()
    {
        Assert.Equal(
            [
                "Từ 01/11/2026 đến 30/11/2026:",
                "Tiếp nhận: 7 hồ sơ, trực tuyến 5 (71,43%).",
                "Đã giải quyết: 4 hồ sơ, đúng hạn 3 (75%).",
                "Đang giải quyết: 3 hồ sơ, quá hạn 2.",
            ],
            StatisticsWording.Lines(November));
    }

    [Fact]
    public void Satisfaction_is_a_last_line_once_ratings_exist()
    {
        var lines = StatisticsWording.Lines(November with { Satisfaction = new SatisfactionCount(41, 48) });

        Assert.Equal(5, lines.Count);
        Assert.Equal("Hài lòng: 41/48 lượt đánh giá (85,42%).", lines[^1]);
    }

    [Fact]
    public void An_empty_period_has_no_percentages_to_show()
    {
        var empty = new PeriodStatistics { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 1, 31) };

        Assert.Equal(
            [
                "Từ 01/01/2026 đến 31/01/2026:",
                "Tiếp nhận: 0 hồ sơ, trực tuyến 0 (chưa có).",
                "Đã giải quyết: 0 hồ sơ, đúng hạn 0 (chưa có).",
                "Đang giải quyết: 0 hồ sơ, quá hạn 0.",
            ],
            StatisticsWording.Lines(empty));
    }
}
