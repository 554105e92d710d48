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
    /// <summary>The report of a period; the period's limits are those of <see cref="OfficeStatistics.ComputeAsync"/>.</summary>
    public async Task<FiguresReport> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var period = await statistics.ComputeAsync(from, to, cancellationToken);
        var synchronised = sync.SynchronisedPerMonth(from, to);
        var months = new List<MonthFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var start = month < from ? from : month;
            var end = month.AddMonths(1).AddDays(-1) is var last && last > to ? to : last;
            months.Add(new MonthFigures(month, await statistics.ComputeAsync(start, end, cancellationToken), synchronised.GetValueOrDefault(month, new SynchronisedCount(0, 0))));
        }
        var total = new SynchronisedCount(synchronised.Values.Sum(c => c.Synchronised), synchronised.Values.Sum(c => c.Results));
        return new FiguresReport(
            period,
            total,
            months,
            await statistics.ComputeByAsync(IDossierFigures.ByProcedure, from, to, cancellationToken),
            await statistics.ComputeByAsync(IDossierFigures.ByVillage, from, to, cancellationToken),
            communes.Current.Office.Goals);
    }
}
