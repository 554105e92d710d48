using System.Globalization;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Office.Wording;

/// <summary>The office's figures as staff read them, one per line: in <c>/thongke</c> and in the staff API's answer.</summary>
public static class StatisticsWording
{
    public static IReadOnlyList<string> Lines(PeriodStatistics figures, OfficeGoals goals)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(goals);
        var lines = new List<string>
        {
            TextTemplate.Fill(StatisticsTexts.Period, Day(figures.From), Day(figures.To)),
            TextTemplate.Fill(StatisticsTexts.Received, VietnameseNumber.Of(figures.Received), VietnameseNumber.Of(figures.Online), Percent(figures.Online, figures.Received)),
            TextTemplate.Fill(StatisticsTexts.Resolved, VietnameseNumber.Of(figures.Resolved), VietnameseNumber.Of(figures.ResolvedOnTime), Percent(figures.ResolvedOnTime, figures.Resolved)),
            TextTemplate.Fill(StatisticsTexts.InProgress, VietnameseNumber.Of(figures.InProgress), VietnameseNumber.Of(figures.Overdue)),
        };
        if (figures.Satisfaction is { } s)
        {
            lines.Add(TextTemplate.Fill(StatisticsTexts.Satisfied, VietnameseNumber.Of(s.Satisfied), VietnameseNumber.Of(s.Total), Percent(s.Satisfied, s.Total)));
        }
        lines.Add(TextTemplate.Fill(StatisticsTexts.OnlineGoal, Percent(goals.OnlinePercent, 100), Reached(goals.OnlineMet(figures), StatisticsTexts.NoDossiers)));
        lines.Add(TextTemplate.Fill(StatisticsTexts.SatisfactionGoal, Percent(goals.SatisfactionPercent, 100), Reached(goals.SatisfactionMet(figures), StatisticsTexts.NoRatings)));
        return lines;
    }

    private static string Reached(bool? met, string nothing) => met switch
    {
        true => StatisticsTexts.Met,
        false => StatisticsTexts.NotMet,
        null => nothing,
    };

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => VietnamesePercent.Format(part, whole) ?? StatisticsTexts.NoPercent;
}

/// <summary>Texts of <see cref="StatisticsWording"/>. {0}, {1}…: values in the order each text names them.</summary>
public static class StatisticsTexts
{
    public const string Period = "Từ {0} đến {1}:";
    /// <summary>{0}: received, {1}: of those online, {2}: their share.</summary>
    public const string Received = "Tiếp nhận: {0} hồ sơ, trực tuyến {1} ({2}).";
    /// <summary>{0}: resolved, {1}: of those on time, {2}: their share.</summary>
    public const string Resolved = "Đã giải quyết: {0} hồ sơ, đúng hạn {1} ({2}).";
    public const string InProgress = "Đang giải quyết: {0} hồ sơ, quá hạn {1}.";
    /// <summary>{0}: satisfied ratings, {1}: all ratings, {2}: the share.</summary>
    public const string Satisfied = "Hài lòng: {0}/{1} lượt đánh giá ({2}).";
    /// <summary>{0}: the office's goal, {1}: whether the period reaches it.</summary>
    public const string OnlineGoal = "Mục tiêu trực tuyến {0}: {1}.";
    /// <summary>{0}: the office's goal, {1}: whether the period reaches it.</summary>
    public const string SatisfactionGoal = "Mục tiêu hài lòng {0}: {1}.";
    public const string Met = "đạt";
    public const string NotMet = "chưa đạt";
    public const string NoDossiers = "chưa có hồ sơ để tính";
    public const string NoRatings = "chưa có lượt đánh giá";
    /// <summary>A share of nothing.</summary>
    public const string NoPercent = "chưa có";
}
