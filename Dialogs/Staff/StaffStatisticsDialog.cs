using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Dialogs.Staff;

/// <summary><c>/thongke</c>: this month's figures; <c>/thongke 1/11/2026 30/11/2026</c> for another period.</summary>
public sealed class StaffStatisticsDialog(OfficeStatistics statistics, WorkingCalendar calendar, CommuneContext communes) : Dialog(DialogIds.StaffStatistics)
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var text = TryReadPeriod((options as FeatureOptions)?.Text, calendar.Today, out var from, out var to)
            ? string.Join("\n", StatisticsWording.Lines(await statistics.ComputeAsync(from, to, cancellationToken), communes.Current.Office.Goals))
            : TextTemplate.Fill(StaffStatisticsTexts.Usage, VietnameseNumber.Of(OfficeStatistics.MaxPeriodDays));
        await dc.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>No arguments: the month of <paramref name="today"/>; otherwise two dates, the first not after the second.</summary>
    public static bool TryReadPeriod(string? arguments, DateOnly today, out DateOnly from, out DateOnly to)
    {
        var parts = (arguments ?? string.Empty).Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            from = new DateOnly(today.Year, today.Month, 1);
            to = from.AddMonths(1).AddDays(-1);
            return true;
        }
        from = to = default;
        if (parts.Length != 2 || !TryParseDay(parts[0], out var start) || !TryParseDay(parts[1], out var end)
            || end < start || end.DayNumber - start.DayNumber > OfficeStatistics.MaxPeriodDays)
        {
            return false;
        }
        (from, to) = (start, end);
        return true;
    }

    private static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && OfficeDates.Contains(day);
}

/// <summary>The office's figures as staff read them, one per line: in <c>/thongke</c> and in the staff API's answer.</summary>
public static class StatisticsWording
{
    public static IReadOnlyList<string> Lines(PeriodStatistics figures, OfficeGoals goals)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(goals);
        var lines = new List<string>
        {
            TextTemplate.Fill(StaffStatisticsTexts.Period, Day(figures.From), Day(figures.To)),
            TextTemplate.Fill(StaffStatisticsTexts.Received, VietnameseNumber.Of(figures.Received), VietnameseNumber.Of(figures.Online), Percent(figures.Online, figures.Received)),
            TextTemplate.Fill(StaffStatisticsTexts.Resolved, VietnameseNumber.Of(figures.Resolved), VietnameseNumber.Of(figures.ResolvedOnTime), Percent(figures.ResolvedOnTime, figures.Resolved)),
            TextTemplate.Fill(StaffStatisticsTexts.InProgress, VietnameseNumber.Of(figures.InProgress), VietnameseNumber.Of(figures.Overdue)),
        };
        if (figures.Satisfaction is { } s)
        {
            lines.Add(TextTemplate.Fill(StaffStatisticsTexts.Satisfied, VietnameseNumber.Of(s.Satisfied), VietnameseNumber.Of(s.Total), Percent(s.Satisfied, s.Total)));
        }
        lines.Add(TextTemplate.Fill(StaffStatisticsTexts.OnlineGoal, Percent(goals.OnlinePercent, 100), Reached(goals.OnlineMet(figures), StaffStatisticsTexts.NoDossiers)));
        lines.Add(TextTemplate.Fill(StaffStatisticsTexts.SatisfactionGoal, Percent(goals.SatisfactionPercent, 100), Reached(goals.SatisfactionMet(figures), StaffStatisticsTexts.NoRatings)));
        return lines;
    }

    private static string Reached(bool? met, string nothing) => met switch
    {
        true => StaffStatisticsTexts.Met,
        false => StaffStatisticsTexts.NotMet,
        null => nothing,
    };

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => VietnamesePercent.Format(part, whole) ?? StaffStatisticsTexts.NoPercent;
}

/// <summary>Texts of <c>/thongke</c>. {0}, {1}…: values in the order each text names them.</summary>
internal static class StaffStatisticsTexts
{
    public const string Usage = "Gõ /thongke cho tháng này, hoặc /thongke 1/11/2026 30/11/2026 (tối đa {0} ngày, từ năm 2000 đến năm 2100).";
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
