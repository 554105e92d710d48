using System.Globalization;
using LiteDB;
using OneStopBot.Office.Calendar;
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
public sealed class DailyFigures(OfficeDatabase database, WorkingCalendar calendar)
{
    public const string CollectionName = "dossier_day_figures";

    /// <summary>The same figures per day and per procedure or village (received, online, resolved, on time).</summary>
    public const string BreakdownCollectionName = "dossier_day_breakdown";

    /// <summary>The kinds of breakdown: per procedure, per village.</summary>
    public const string ByProcedure = "p", ByVillage = "v";

    // Ids are local days "yyyy-MM-dd" (they sort as dates); the marker's and the sum's ids start with a letter, outside
    // every range of days. v2 added the open and overdue changes, v3 the breakdown per procedure and village (ids
    // "yyyy-MM-dd|p|khai-sinh" in their own collection, so the day sums never read them).
    private const string BuiltMarker = "built-v3";
    private const char Separator = '|';
    private const string AllDays = "total";
    private const string LastDay = "9999-12-31";

    private volatile bool built;

    private ILiteCollection<DayFigures> Days => database.Collection<DayFigures>(CollectionName);

    private ILiteCollection<DayFigures> Breakdown => database.Collection<DayFigures>(BreakdownCollectionName);

    /// <summary>
    /// Sums of the days from <paramref name="from"/> to <paramref name="to"/> per procedure
    /// (<see cref="ByProcedure"/>) or per village (<see cref="ByVillage"/>), keyed by the procedure's id or the village.
    /// </summary>
    public IReadOnlyDictionary<string, DayFigures> SumBy(string kind, DateOnly from, DateOnly to)
    {
        BuildIfMissing();
        var sums = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        var last = Id(to);
        // Every id of a day starts with the day, so the ids of the period lie between its first day and the day after it.
        foreach (var figures in Breakdown.Find(Filter.Between("_id", Id(from), Id(to.AddDays(1)))))
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
        BuildIfMissing();
        var total = new DayFigures { Id = $"{Id(from)}..{Id(to)}" };
        foreach (var day in Days.Find(Filter.Between("_id", Id(from), Id(to))))
        {
            total = total.Plus(day, 1);
        }
        return total;
    }

    /// <summary>The dossiers still being worked on at the end of local day <paramref name="day"/>, and of those, the ones past their due date.</summary>
    public (int Open, int Overdue) OpenAtEndOf(DateOnly day)
    {
        BuildIfMissing();
        var open = Days.FindById(AllDays) ?? new DayFigures { Id = AllDays };
        foreach (var later in Days.Find(Filter.Between("_id", Id(day.AddDays(1)), LastDay)))
        {
            open = open.Plus(later, -1);
        }
        return (open.OpenChange, open.OverdueChange);
    }

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
            var stored = collection.FindById(change.Id) ?? new DayFigures { Id = change.Id };
            collection.Upsert(stored.Plus(change, 1));
        }
    }

    /// <summary>
    /// Counts every stored dossier once, for a database written before the figures were kept. Writes made before
    /// that are counted again from scratch, so the order of the two does not matter.
    /// </summary>
    private void BuildIfMissing()
    {
        if (built)
        {
            return;
        }
        database.InTransaction(() =>
        {
            if (Days.FindById(BuiltMarker) is not null)
            {
                return 0;
            }
            Days.DeleteAll();
            Breakdown.DeleteAll();
            var totals = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
            foreach (var dossier in database.Collection<Dossier>(DossierStore.CollectionName).FindAll())
            {
                Add(totals, dossier, +1);
            }
            Days.InsertBulk(totals.Values.Where(t => !t.IsZero && !IsBreakdown(t.Id)));
            Breakdown.InsertBulk(totals.Values.Where(t => !t.IsZero && IsBreakdown(t.Id)));
            Days.Insert(new DayFigures { Id = BuiltMarker });
            return totals.Count;
        });
        built = true;
    }

    private void Add(Dictionary<string, DayFigures> into, Dossier? dossier, int sign)
    {
        if (dossier is null)
        {
            return;
        }
        if (dossier.ReceivedAt is { } received)
        {
            AddWithBreakdown(into, dossier, calendar.LocalDate(received), new DayFigures { Id = "", Received = 1, Online = dossier.Submission == Submission.Online ? 1 : 0 }, sign);
        }
        if (dossier.ResolvedAt is { } resolved)
        {
            var day = calendar.LocalDate(resolved);
            var onTime = dossier.DueDate is not { } due || day <= due;
            AddWithBreakdown(into, dossier, day, new DayFigures { Id = "", Resolved = 1, ResolvedOnTime = onTime ? 1 : 0 }, sign);
        }
        AddOpenDays(into, dossier, sign);
    }

    private static void AddWithBreakdown(Dictionary<string, DayFigures> into, Dossier dossier, DateOnly day, DayFigures change, int sign)
    {
        Add(into, day, change, sign);
        foreach (var id in new[] { $"{Id(day)}{Separator}{ByProcedure}{Separator}{dossier.ProcedureId}", $"{Id(day)}{Separator}{ByVillage}{Separator}{dossier.Village}" })
        {
            into[id] = Get(into, id).Plus(change, sign);
        }
    }

    private static bool IsBreakdown(string id) => id.Contains(Separator, StringComparison.Ordinal);

    // The status at a day's end is that of the day's last change, or the one before it stays; the history is in order.
    private void AddOpenDays(Dictionary<string, DayFigures> into, Dossier dossier, int sign)
    {
        var history = dossier.History;
        DateOnly? openedOn = null;
        for (var i = 0; i < history.Count; i++)
        {
            var day = calendar.LocalDate(history[i].At);
            if (i + 1 < history.Count && calendar.LocalDate(history[i + 1].At) == day)
            {
                continue;
            }
            var open = history[i].Status.IsInProgress();
            if (open && openedOn is null)
            {
                openedOn = day;
            }
            else if (!open && openedOn is { } start)
            {
                AddOpenSpan(into, dossier, start, day, sign);
                openedOn = null;
            }
        }
        if (openedOn is { } stillOpen)
        {
            AddOpenSpan(into, dossier, stillOpen, null, sign);
        }
    }

    // Open at the end of each day from start until the day before end; overdue on those after the due date.
    private void AddOpenSpan(Dictionary<string, DayFigures> into, Dossier dossier, DateOnly start, DateOnly? end, int sign)
    {
        AddSpan(into, start, end, new DayFigures { Id = "", OpenChange = 1 }, sign);
        if (dossier.DueDate is { } due && due.AddDays(1) is var late && (end is null || late < end))
        {
            AddSpan(into, late > start ? late : start, end, new DayFigures { Id = "", OverdueChange = 1 }, sign);
        }
    }

    private void AddSpan(Dictionary<string, DayFigures> into, DateOnly start, DateOnly? end, DayFigures change, int sign)
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
        var id = Id(day);
        into[id] = Get(into, id).Plus(change, sign);
        if (change.OpenChange != 0 || change.OverdueChange != 0)
        {
            into[AllDays] = Get(into, AllDays).Plus(change, sign);
        }
    }

    private static DayFigures Get(Dictionary<string, DayFigures> figures, string id) =>
        figures.GetValueOrDefault(id) ?? new DayFigures { Id = id };

    private static string Id(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One local day's figures, or a sum of days.</summary>
public sealed record DayFigures
{
    public required string Id { get; init; }

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
