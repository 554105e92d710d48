using OneStopBot.Office.Communes;
using OneStopBot.Office.Sync;

namespace OneStopBot.Office.Statistics;

/// <summary>One month of a report (clipped to the report's period): its figures and its results synchronised.</summary>
public sealed record MonthFigures(DateOnly Month, PeriodStatistics Figures, SynchronisedCount Synchronised);

/// <summary>A period's figures, the same per month, per procedure and per village.</summary>
public sealed record FiguresReport(
    PeriodStatistics Period,
    SynchronisedCount Synchronised,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<GroupStatistics> ByProcedure,
    IReadOnlyList<GroupStatistics> ByVillage,
    OfficeGoals Goals);

/// <summary>
/// The figures against the office's goals, from <see cref="OfficeStatistics"/> (the figures of <c>/thongke</c> and of
/// the staff API), month by month, and the results synchronised from <see cref="ProvincialSync"/>.
/// </summary>
public sealed class FiguresReports(OfficeStatistics statistics, ProvincialSync sync, CommuneContext communes)
{
    /// <summary>The report of a period; the period's limits are those of <see cref="OfficeStatistics.Compute"/>.</summary>
    public FiguresReport Compute(DateOnly from, DateOnly to)
    {
        var period = statistics.Compute(from, to);
        var synchronised = sync.SynchronisedPerMonth(from, to);
        var months = new List<MonthFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var start = month < from ? from : month;
            var end = month.AddMonths(1).AddDays(-1) is var last && last > to ? to : last;
            months.Add(new MonthFigures(month, statistics.Compute(start, end), synchronised.GetValueOrDefault(month, new SynchronisedCount(0, 0))));
        }
        var total = new SynchronisedCount(synchronised.Values.Sum(c => c.Synchronised), synchronised.Values.Sum(c => c.Results));
        return new FiguresReport(
            period,
            total,
            months,
            statistics.ComputeBy(DailyFigures.ByProcedure, from, to),
            statistics.ComputeBy(DailyFigures.ByVillage, from, to),
            communes.Current.Office.Goals);
    }
}
