using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Wording;

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

/// <summary>Texts of <c>/thongke</c>; the figures' own lines are <see cref="StatisticsTexts"/>.</summary>
internal static class StaffStatisticsTexts
{
    public const string Usage = "Gõ /thongke cho tháng này, hoặc /thongke 1/11/2026 30/11/2026 (tối đa {0} ngày, từ năm 2000 đến năm 2100).";
}
