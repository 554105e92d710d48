namespace OneStopBot.Office.Statistics;

/// <summary>
/// The sums the office's statistics are made of, for the current commune and a period of local days: each engine
/// answers them its own way (LiteDB from <see cref="DailyFigures"/>, kept with every write; PostgreSQL by SQL over
/// indexed columns).
/// </summary>
public interface IDossierFigures
{
    /// <summary>The kinds of breakdown: per procedure, per village.</summary>
    public const string ByProcedure = "p", ByVillage = "v";

    /// <summary>Received, of those online, resolved, of those on time, from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    Task<DayFigures> SumAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The same per procedure (<see cref="ByProcedure"/>) or per village (<see cref="ByVillage"/>), keyed by the procedure's id or the village.</summary>
    Task<IReadOnlyDictionary<string, DayFigures>> SumByAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The dossiers still being worked on at the end of local day <paramref name="day"/>, and of those, the ones past their due date.</summary>
    Task<(int Open, int Overdue)> OpenAtEndOfAsync(DateOnly day, CancellationToken cancellationToken);
}
