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
/// </summary>
public sealed class DailyFigures(OfficeDatabase database, WorkingCalendar calendar)
{
    public const string CollectionName = "dossier_day_figures";

    // Ids are local days "yyyy-MM-dd" (they sort as dates); the marker's id starts with a letter, outside every range.
    private const string BuiltMarker = "built-v1";

    private volatile bool built;

    private ILiteCollection<DayFigures> Days => database.Collection<DayFigures>(CollectionName);

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
            var stored = Days.FindById(change.Id) ?? new DayFigures { Id = change.Id };
            Days.Upsert(stored.Plus(change, 1));
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
            var totals = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
            foreach (var dossier in database.Collection<Dossier>(DossierStore.CollectionName).FindAll())
            {
                Add(totals, dossier, +1);
            }
            Days.InsertBulk(totals.Values.Where(t => !t.IsZero));
            Days.Insert(new DayFigures { Id = BuiltMarker });
            return totals.Count;
        });
        built = true;
    }

    private void Add(Dictionary<string, DayFigures> into, Dossier? dossier, int sign)
    {
        if (dossier?.ReceivedAt is { } received)
        {
            var id = Id(calendar.LocalDate(received));
            into[id] = Get(into, id).Plus(new DayFigures { Id = id, Received = 1, Online = dossier.Submission == Submission.Online ? 1 : 0 }, sign);
        }
        if (dossier?.ResolvedAt is { } resolved)
        {
            var day = calendar.LocalDate(resolved);
            var id = Id(day);
            var onTime = dossier.DueDate is not { } due || day <= due;
            into[id] = Get(into, id).Plus(new DayFigures { Id = id, Resolved = 1, ResolvedOnTime = onTime ? 1 : 0 }, sign);
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

    [BsonIgnore]
    public bool IsZero => Received == 0 && Online == 0 && Resolved == 0 && ResolvedOnTime == 0;

    public DayFigures Plus(DayFigures other, int sign) => this with
    {
        Received = Received + sign * other.Received,
        Online = Online + sign * other.Online,
        Resolved = Resolved + sign * other.Resolved,
        ResolvedOnTime = ResolvedOnTime + sign * other.ResolvedOnTime,
    };
}
