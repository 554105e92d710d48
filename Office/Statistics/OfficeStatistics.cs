using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Statistics;

/// <summary>
/// The office's figures for a period of local days, as reported to the district and province.
/// Received: received in the period. Online: of those, submitted online. Resolved: result first ready or returned
/// in the period; on time when that day is no later than the due date (or no time limit is known). In progress and
/// overdue: at the end of the period (or now, if sooner), dossiers still being worked on, and those past their due date.
/// </summary>
public sealed record PeriodStatistics
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public int Received { get; init; }

    public int Online { get; init; }

    public int Resolved { get; init; }

    public int ResolvedOnTime { get; init; }

    public int InProgress { get; init; }

    public int Overdue { get; init; }

    /// <summary>Ratings in the period; null when there are none (then satisfaction is not shown).</summary>
    public SatisfactionCount? Satisfaction { get; init; }

    public decimal? OnlinePercent => VietnamesePercent.Of(Online, Received);

    public decimal? OnTimePercent => VietnamesePercent.Of(ResolvedOnTime, Resolved);

    public decimal? SatisfactionPercent => Satisfaction is { } s ? VietnamesePercent.Of(s.Satisfied, s.Total) : null;
}

public sealed record SatisfactionCount(int Satisfied, int Total);

/// <summary>One commune's figures for a period, beside the others' in the province's view.</summary>
public sealed record CommuneStatistics(Commune Commune, PeriodStatistics Figures);

/// <summary>The office's goals in percent: dossiers filed online, and satisfied residents.</summary>
public sealed record OfficeGoals(int OnlinePercent, int SatisfactionPercent)
{
    /// <summary>Every result synchronised with the provincial portal.</summary>
    public const int SynchronisedPercent = 100;

    /// <summary>Whether the period's online share reaches the goal; null when nothing was received.</summary>
    public bool? OnlineMet(PeriodStatistics figures) => Reaches(figures.Online, figures.Received, OnlinePercent);

    /// <summary>Whether the period's satisfaction reaches the goal; null when nobody rated.</summary>
    public bool? SatisfactionMet(PeriodStatistics figures) =>
        figures.Satisfaction is { } s ? Reaches(s.Satisfied, s.Total, SatisfactionPercent) : null;

    // Compared in whole numbers: a share rounded up to the goal (64,996%) has not reached it.
    private static bool? Reaches(int part, int whole, int goalPercent) => whole > 0 ? part * 100L >= (long)goalPercent * whole : null;
}

/// <summary>A period's figures for one procedure or village: received, of those online, resolved, of those on time.</summary>
public sealed record GroupStatistics(string Key, int Received, int Online, int Resolved, int ResolvedOnTime)
{
    public decimal? OnlinePercent => VietnamesePercent.Of(Online, Received);

    public decimal? OnTimePercent => VietnamesePercent.Of(ResolvedOnTime, Resolved);
}

/// <summary>
/// Computes <see cref="PeriodStatistics"/>: the period's sums and the open dossiers at its end from the engine's
/// <see cref="IDossierFigures"/>, and, when there is one, the ratings. On either engine the work grows with the period
/// (and, on LiteDB, the days from its end to the farthest due date), not with the archive.
/// </summary>
public sealed class OfficeStatistics(IDossierFigures figures, WorkingCalendar calendar, CommuneContext communes, ISatisfactionSource? satisfaction = null)
{
    public const int MaxPeriodDays = 366 * 5;

    public async Task<PeriodStatistics> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        CheckPeriod(from, to);
        var today = calendar.Today;
        var asOfDay = to < today ? to : today;
        var sums = await figures.SumAsync(from, to, cancellationToken);
        var (open, overdue) = await figures.OpenAtEndOfAsync(asOfDay, cancellationToken);
        var ratings = satisfaction?.Count(from, to);

        return new PeriodStatistics
        {
            From = from,
            To = to,
            Received = sums.Received,
            Online = sums.Online,
            Resolved = sums.Resolved,
            ResolvedOnTime = sums.ResolvedOnTime,
            InProgress = open,
            Overdue = overdue,
            Satisfaction = ratings is { total: > 0 } r ? new SatisfactionCount(r.satisfied, r.total) : null,
        };
    }

    /// <summary>
    /// Every commune's figures for the period side by side (online share, on time, satisfaction), in configured order:
    /// the province's ranking. Each is the commune's own <see cref="ComputeAsync"/>, so the work is that of one commune's
    /// figures times the communes, whatever the archive holds.
    /// </summary>
    public async Task<IReadOnlyList<CommuneStatistics>> ComputeEachAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        CheckPeriod(from, to);
        var each = await communes.ForEachAsync(_ => ComputeAsync(from, to, cancellationToken));
        return each.Select(row => new CommuneStatistics(row.Commune, row.Result)).ToList();
    }

    /// <summary>
    /// The period's figures per procedure (<see cref="IDossierFigures.ByProcedure"/>) or per village
    /// (<see cref="IDossierFigures.ByVillage"/>), most received first.
    /// </summary>
    public async Task<IReadOnlyList<GroupStatistics>> ComputeByAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        CheckPeriod(from, to);
        return (await figures.SumByAsync(kind, from, to, cancellationToken))
            .Select(pair => new GroupStatistics(pair.Key, pair.Value.Received, pair.Value.Online, pair.Value.Resolved, pair.Value.ResolvedOnTime))
            .Where(group => group.Received > 0 || group.Resolved > 0)
            .OrderByDescending(group => group.Received).ThenBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static void CheckPeriod(DateOnly from, DateOnly to)
    {
        if (!OfficeDates.Contains(from) || !OfficeDates.Contains(to))
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"Periods lie between the years {OfficeDates.MinYear} and {OfficeDates.MaxYear}.");
        }
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }
        if (to.DayNumber - from.DayNumber > MaxPeriodDays)
        {
            throw new ArgumentException($"The period is longer than {MaxPeriodDays} days.", nameof(to));
        }
    }
}
