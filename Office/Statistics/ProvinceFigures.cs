using OneStopBot.Office.Communes;

namespace OneStopBot.Office.Statistics;

/// <summary>One commune's figures for a period, with that commune's own goals.</summary>
public sealed record CommuneFigures(Commune Commune, PeriodStatistics Figures, OfficeGoals Goals);

/// <summary>
/// Every commune's figures for one period side by side, as the province ranks its communes (online share,
/// satisfaction, on-time share against the goals): each computed with its commune entered, so the stores count only
/// that commune's records.
/// </summary>
public sealed class ProvinceFigures(OfficeStatistics statistics, CommuneContext communes)
{
    public async Task<IReadOnlyList<CommuneFigures>> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        [.. (await communes.ForEachAsync(commune => statistics.ComputeAsync(from, to, cancellationToken)))
            .Select(row => new CommuneFigures(row.Commune, row.Result, row.Commune.Office.Goals))];
}
