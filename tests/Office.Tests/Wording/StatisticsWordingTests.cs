using OneStopBot.Office.Statistics;
using OneStopBot.Office.Wording;

namespace OneStopBot.Office.Tests.Wording;

/// <summary>The office's figures as staff read them in <c>/thongke</c> and in the staff API's <c>lines</c>.</summary>
public sealed class StatisticsWordingTests
{
    private static readonly OfficeGoals Goals = new(65, 90);

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
                "Mục tiêu trực tuyến 65%: đạt.",
                "Mục tiêu hài lòng 90%: chưa có lượt đánh giá.",
            ],
            StatisticsWording.Lines(November, Goals));
    }

    [Fact]
    public void Satisfaction_is_a_last_line_once_ratings_exist()
    {
        var lines = StatisticsWording.Lines(November with { Satisfaction = new SatisfactionCount(41, 48) }, Goals);

        Assert.Equal(7, lines.Count);
        Assert.Equal("Hài lòng: 41/48 lượt đánh giá (85,42%).", lines[^3]);
        Assert.Equal("Mục tiêu hài lòng 90%: chưa đạt.", lines[^1]);
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
                "Mục tiêu trực tuyến 65%: chưa có hồ sơ để tính.",
                "Mục tiêu hài lòng 90%: chưa có lượt đánh giá.",
            ],
            StatisticsWording.Lines(empty, Goals));
    }

    /// <summary>Each row: received, online, satisfied, rated, and whether each goal (65%, 90%) is reached.</summary>
    public static TheoryData<int, int, int, int, bool?, bool?> GoalRows => new()
    {
        { 100, 65, 90, 100, true, true },
        { 100, 64, 89, 100, false, false },
        // 64,996% rounds to 65% when shown, but is short of the goal.
        { 100_000, 64_996, 8_999_999, 10_000_000, false, false },
        { 20, 20, 9, 10, true, true },
        { 0, 0, 0, 0, null, null },
    };

    [Theory]
    [MemberData(nameof(GoalRows))]
    public void A_period_is_read_against_the_office_goals(int received, int online, int satisfied, int rated, bool? onlineMet, bool? satisfactionMet)
    {
        var figures = new PeriodStatistics
        {
            From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30), Received = received, Online = online,
            Satisfaction = rated > 0 ? new SatisfactionCount(satisfied, rated) : null,
        };

        Assert.Equal((onlineMet, satisfactionMet), (Goals.OnlineMet(figures), Goals.SatisfactionMet(figures)));
        var lines = StatisticsWording.Lines(figures, Goals);
        Assert.Equal(onlineMet switch { true => "Mục tiêu trực tuyến 65%: đạt.", false => "Mục tiêu trực tuyến 65%: chưa đạt.", null => "Mục tiêu trực tuyến 65%: chưa có hồ sơ để tính." }, lines[^2]);
        Assert.Equal(satisfactionMet switch { true => "Mục tiêu hài lòng 90%: đạt.", false => "Mục tiêu hài lòng 90%: chưa đạt.", null => "Mục tiêu hài lòng 90%: chưa có lượt đánh giá." }, lines[^1]);
    }
}
