using System.Collections.Concurrent;
using System.Globalization;
using LiteDB;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Statistics;

/// <summary>
/// The period figures of each local day (received, of those online, resolved, of those on time), kept in the same
/// transaction as every dossier write so that a month's statistics read at most 31 small documents whatever the
/// archive holds. Each write takes away what the dossier counted before and adds what it counts after, so any
/// change of dates or status keeps the sums exact.
/// The dossiers open (and overdue) at a day's end are kept as changes: each day holds how many more are open at its end
/// than at the day before's, and one document the sum of all days; the figure for a day is that sum less the days
/// after it (the weeks up to the farthest due date, for a recent day), so no open dossier is read either.
/// </summary>
public sealed class DailyFigures(OfficeDatabase database, WorkingCalendar calendar, CommuneContext communes) : IDossierFigures
{
    public const string CollectionName = "dossier_day_figures";

    /// <summary>The same figures per day and per procedure or village (received, online, resolved, on time).</summary>
    public const string BreakdownCollectionName = "dossier_day_breakdown";

    // Ids are the commune's slug and a local day, "phuoc-duc:yyyy-MM-dd" (a commune's days lie together and sort as
    // dates); the marker's and the sum's ids go on with a letter, outside every range of days. v2 added the open and
    // overdue changes, v3 the breakdown per procedure and village (ids "phuoc-duc:yyyy-MM-dd|p|khai-sinh" in their own
    // collection, so the day sums never read them).
    private const string BuiltMarker = "built-v3";
    private const char CommuneEnd = ':';
    private const char Separator = '|';
    private const string AllDays = "total";
    private const string LastDay = "9999-12-31";

    // The communes whose figures are known to be built in this process.
    private readonly ConcurrentDictionary<string, bool> built = new(StringComparer.Ordinal);

    private ILiteCollection<DayFigures> Days => database.Collection<DayFigures>(CollectionName);

    private ILiteCollection<DayFigures> Breakdown => database.Collection<DayFigures>(BreakdownCollectionName);

    /// <summary>
    /// Sums of the days from <paramref name="from"/> to <paramref name="to"/> per procedure
    /// (<see cref="IDossierFigures.ByProcedure"/>) or per village (<see cref="IDossierFigures.ByVillage"/>), keyed by the procedure's id or the village.
    /// </summary>
    public IReadOnlyDictionary<string, DayFigures> SumBy(string kind, DateOnly from, DateOnly to)
    {
        var commune = BuildIfMissing();
        var sums = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        var last = Id(commune, to);
        // Every id of a day starts with the day, so the ids of the period lie between its first day and the day after it.
        foreach (var figures in Breakdown.Find(Filter.Between("_id", Id(commune, from), Id(commune, to.AddDays(1)))))
        {
            var parts = figures.Id.Split(Separator, 3);
            if (parts.Length == 3 && parts[1] == kind && string.CompareOrdinal(parts[0], last) <= 0)
            {
                sums[parts[2]] = (sums.GetValueOrDefault(parts[2]) ?? new DayFigures { Id = parts[2] }).Plus(figures, 1);
            }
        }
        return sums;
    }

    /// <summary>Sums of the days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public DayFigures Sum(DateOnly from, DateOnly to)
    {
        var commune = BuildIfMissing();
        var total = new DayFigures { Id = $"{Id(commune, from)}..{Id(commune, to)}", Commune = commune };
        foreach (var day in Days.Find(Filter.Between("_id", Id(commune, from), Id(commune, to))))
        {
            total = total.Plus(day, 1);
        }
        return total;
    }

    /// <summary>The dossiers still being worked on at the end of local day <paramref name="day"/>, and of those, the ones past their due date.</summary>
    public (int Open, int Overdue) OpenAtEndOf(DateOnly day)
    {
        var commune = BuildIfMissing();
        var open = Days.FindById(Key(commune, AllDays)) ?? new DayFigures { Id = AllDays };
        foreach (var later in Days.Find(Filter.Between("_id", Id(commune, day.AddDays(1)), Key(commune, LastDay))))
        {
            open = open.Plus(later, -1);
        }
        return (open.OpenChange, open.OverdueChange);
    }

    public Task<DayFigures> SumAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => Task.FromResult(Sum(from, to));

    public Task<IReadOnlyDictionary<string, DayFigures>> SumByAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult(SumBy(kind, from, to));

    public Task<(int Open, int Overdue)> OpenAtEndOfAsync(DateOnly day, CancellationToken cancellationToken) => Task.FromResult(OpenAtEndOf(day));

    /// <summary>Replaces what <paramref name="before"/> counted with what <paramref name="after"/> counts. Call it inside the write's transaction.</summary>
    internal void Replace(Dossier? before, Dossier? after) => ReplaceAll([(before, after)]);

    /// <summary>The same for many writes at once: one update per day touched.</summary>
    internal void ReplaceAll(IEnumerable<(Dossier? Before, Dossier? After)> writes)
    {
        var changes = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        foreach (var (before, after) in writes)
        {
            Add(changes, before, -1);
            Add(changes, after, +1);
        }
        foreach (var change in changes.Values.Where(c => !c.IsZero))
        {
            var collection = IsBreakdown(change.Id) ? Breakdown : Days;
            var stored = collection.FindById(change.Id) ?? new DayFigures { Id = change.Id, Commune = change.Commune };
            collection.Upsert(stored.Plus(change, 1));
        }
    }

    /// <summary>
    /// Counts every stored dossier of the current commune once, for a database written before the figures were kept
    /// (or moved in from another). Writes made before that are counted again from scratch, so the order of the two does
    /// not matter. Returns the current commune.
    /// </summary>
    private string BuildIfMissing()
    {
        var commune = communes.Current.Id;
        if (built.ContainsKey(commune))
        {
            return commune;
        }
        database.InTransaction(() =>
        {
            if (Days.FindById(Key(commune, BuiltMarker)) is not null)
            {
                return 0;
            }
            // By the commune field: LiteDB's collation orders punctuation its own way, so no range of ids is sure to hold them all.
            Days.DeleteMany(Filter.Equal(CommuneRecords.Field, commune));
            Breakdown.DeleteMany(Filter.Equal(CommuneRecords.Field, commune));
            var totals = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
            foreach (var dossier in database.Collection<Dossier>(DossierStore.CollectionName).In(commune).ToEnumerable())
            {
                Add(totals, dossier, +1);
            }
            Days.InsertBulk(totals.Values.Where(t => !t.IsZero && !IsBreakdown(t.Id)));
            Breakdown.InsertBulk(totals.Values.Where(t => !t.IsZero && IsBreakdown(t.Id)));
            Days.Insert(new DayFigures { Id = Key(commune, BuiltMarker), Commune = commune });
            return totals.Count;
        });
        built.TryAdd(commune, true);
        return commune;
    }

    private void Add(Dictionary<string, DayFigures> into, Dossier? dossier, int sign)
    {
        if (dossier is null)
        {
            return;
        }
        if (dossier.ReceivedAt is { } received)
        {
            AddWithBreakdown(into, dossier, calendar.LocalDate(received), new DayFigures { Id = "", Commune = dossier.Commune, Received = 1, Online = dossier.Submission == Submission.Online ? 1 : 0 }, sign);
        }
        if (dossier.ResolvedAt is { } resolved)
        {
            var day = calendar.LocalDate(resolved);
            var onTime = dossier.DueDate is not { } due || day <= due;
            AddWithBreakdown(into, dossier, day, new DayFigures { Id = "", Commune = dossier.Commune, Resolved = 1, ResolvedOnTime = onTime ? 1 : 0 }, sign);
        }
        AddOpenDays(into, dossier, sign);
    }

    private static void AddWithBreakdown(Dictionary<string, DayFigures> into, Dossier dossier, DateOnly day, DayFigures change, int sign)
    {
        Add(into, day, change, sign);
        var dayId = Id(dossier.Commune, day);
        foreach (var id in new[] { $"{dayId}{Separator}{IDossierFigures.ByProcedure}{Separator}{dossier.ProcedureId}", $"{dayId}{Separator}{IDossierFigures.ByVillage}{Separator}{dossier.Village}" })
        {
            into[id] = Get(into, id).Plus(change, sign);
        }
    }

    private static bool IsBreakdown(string id) => id.Contains(Separator, StringComparison.Ordinal);

    private void AddOpenDays(Dictionary<string, DayFigures> into, Dossier dossier, int sign)
    {
        foreach (var span in OpenSpan.Of(dossier, calendar))
        {
            AddSpan(into, span.Opened, span.Closed, new DayFigures { Id = "", Commune = dossier.Commune, OpenChange = 1 }, sign);
            if (span.OverdueFrom is { } late)
            {
                AddSpan(into, late, span.Closed, new DayFigures { Id = "", Commune = dossier.Commune, OverdueChange = 1 }, sign);
            }
        }
    }

    private static void AddSpan(Dictionary<string, DayFigures> into, DateOnly start, DateOnly? end, DayFigures change, int sign)
    {
        Add(into, start, change, sign);
        if (end is { } last)
        {
            Add(into, last, change, -sign);
        }
    }

    // A day's change, and the same change in the sum of all days when it moves the open counts.
    private static void Add(Dictionary<string, DayFigures> into, DateOnly day, DayFigures change, int sign)
    {
        var id = Id(change.Commune, day);
        into[id] = Get(into, id).Plus(change, sign);
        if (change.OpenChange != 0 || change.OverdueChange != 0)
        {
            var all = Key(change.Commune, AllDays);
            into[all] = Get(into, all).Plus(change, sign);
        }
    }

    private static DayFigures Get(Dictionary<string, DayFigures> figures, string id) =>
        figures.GetValueOrDefault(id) ?? new DayFigures { Id = id, Commune = id[..id.IndexOf(CommuneEnd, StringComparison.Ordinal)] };

    private static string Key(string commune, string name) => commune + CommuneEnd + name;

    private static string Id(string commune, DateOnly day) => Key(commune, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>One local day's figures, or a sum of days.</summary>
public sealed record DayFigures : ICommuneRecord
{
    public required string Id { get; init; }

    public string Commune { get; init; } = string.Empty;

    public int Received { get; init; }

    public int Online { get; init; }

    public int Resolved { get; init; }

    public int ResolvedOnTime { get; init; }

    /// <summary>How many more dossiers are open at the day's end than at the end of the day before.</summary>
    public int OpenChange { get; init; }

    /// <summary>The same for the open dossiers past their due date.</summary>
    public int OverdueChange { get; init; }

    [BsonIgnore]
    public bool IsZero => Received == 0 && Online == 0 && Resolved == 0 && ResolvedOnTime == 0 && OpenChange == 0 && OverdueChange == 0;

    public DayFigures Plus(DayFigures other, int sign) => this with
    {
        Received = Received + sign * other.Received,
        Online = Online + sign * other.Online,
        Resolved = Resolved + sign * other.Resolved,
        ResolvedOnTime = ResolvedOnTime + sign * other.ResolvedOnTime,
        OpenChange = OpenChange + sign * other.OpenChange,
        OverdueChange = OverdueChange + sign * other.OverdueChange,
    };
}
