using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// The dossiers in LiteDB: what <see cref="DossierDesk"/> asks of an engine, on the one file. Its writes run inside the
/// file's transaction (<see cref="LiteDbUnitOfWork"/>) and complete at once; each keeps <see cref="DailyFigures"/>, the
/// day sums LiteDB answers statistics from (it cannot aggregate), in the same transaction.
/// </summary>
public sealed class DossierStore(OfficeDatabase database, StaffAuditLog audit, DailyFigures figures) : IDossierRecords
{
    public const string CollectionName = "dossiers";
    public const string CountersCollectionName = "dossier_counters";
    public const string FilingsCollectionName = "dossier_filings";

    /// <summary>The index expression of the owning chat's <see cref="ChatAddress.ChatKey"/>.</summary>
    internal static readonly string OwnerExpression = ChatAddress.ChatKeyExpression("$." + nameof(Dossier.Owner));

    private ILiteCollection<Dossier> Dossiers => database.Collection<Dossier>(CollectionName);

    private ILiteCollection<DayCounter> Counters => database.Collection<DayCounter>(CountersCollectionName);

    private ILiteCollection<DossierFiling> Filings => database.Collection<DossierFiling>(FilingsCollectionName);

    /// <summary>The dossier with exactly this code in the commune: LiteDB's own stores read it inside their transactions.</summary>
    public Dossier? Find(string commune, string code) => Dossiers.In(commune, ByCode(code)).FirstOrDefault();

    /// <summary>The same with the code as typed (see <see cref="DossierCode.TryNormalize"/>); null when malformed or unknown.</summary>
    public Dossier? FindAsTyped(Commune commune, string? typed) =>
        DossierCode.TryNormalize(typed, commune.Office.AgencyCode, out var code) ? Find(commune.Id, code) : null;

    public ValueTask<Dossier?> FindAsync(string commune, string code, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(commune, code));

    public ValueTask<Dossier?> FindAsync(OfficeWork work, string commune, string code) => ValueTask.FromResult(Find(commune, code));

    public ValueTask<IReadOnlyList<Dossier>> ListByOwnerAsync(string commune, string chatKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Dossier>>(Dossiers.In(commune, Filter.Equal(OwnerExpression, chatKey)).ToEnumerable()
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Code, StringComparer.Ordinal)
            .ToList());

    public ValueTask<bool> IsEmptyAsync(string commune, CancellationToken cancellationToken) => ValueTask.FromResult(!Dossiers.In(commune).Exists());

    /// <summary>The next free code of the day. Runs inside the unit's transaction, which LiteDB serialises, so two filings never share a number.</summary>
    public ValueTask<string> NextCodeAsync(OfficeWork work, string commune, DateOnly day, Func<int, string> format)
    {
        var key = DayCounter.Key(commune, day);
        var counter = Counters.FindById(key) ?? new DayCounter { Id = key, Commune = commune };
        var sequence = counter.Last;
        string code;
        do
        {
            code = format(++sequence);
        }
        // Imported dossiers may already hold numbers of the day.
        while (Dossiers.Exists(ByCode(code)));
        Counters.Upsert(counter with { Last = sequence });
        return ValueTask.FromResult(code);
    }

    // The filing is written with its dossier (InsertAsync): transactions here are serialised, so none files between.
    public ValueTask<string?> ClaimFilingAsync(OfficeWork work, DossierFiling filing) =>
        ValueTask.FromResult(Filings.FindById(filing.Id)?.Code);

    public ValueTask InsertAsync(OfficeWork work, Dossier dossier, string? filingKey)
    {
        Dossiers.Insert(dossier);
        figures.Replace(null, dossier);
        if (filingKey is not null)
        {
            Filings.Upsert(new DossierFiling { Id = filingKey, Code = dossier.Code, At = dossier.CreatedAt, Commune = dossier.Commune });
        }
        return ValueTask.CompletedTask;
    }

    // Writes are serialised by the file's transactions: nothing can have changed the dossier since it was read.
    public ValueTask SaveAsync(OfficeWork work, Dossier before, Dossier after)
    {
        Dossiers.Update(after);
        figures.Replace(before, after);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<bool>> InsertNewAsync(OfficeWork work, IReadOnlyList<Dossier> dossiers, bool lookUpFirst)
    {
        var taken = new bool[dossiers.Count];
        if (lookUpFirst)
        {
            var codes = new BsonArray(dossiers.Select(d => new BsonValue(d.Code)));
            // Codes are unique across the province: a code another commune holds is taken too.
            var held = Dossiers.Find(Filter.In(nameof(Dossier.Code), codes)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            taken = dossiers.Select(d => !held.Add(d.Code)).ToArray();
        }
        var inserted = dossiers.Where((_, i) => !taken[i]).ToList();
        if (inserted.Count > 0)
        {
            try
            {
                Dossiers.InsertBulk(inserted);
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY && !lookUpFirst)
            {
                throw new DossierCodeTakenException(e);
            }
            figures.ReplaceAll(inserted.Select(d => ((Dossier?)null, (Dossier?)d)));
        }
        return ValueTask.FromResult<IReadOnlyList<bool>>(taken.Select(t => !t).ToList());
    }

    public ValueTask<StaffAction> AuditAsync(OfficeWork work, StaffAction entry) => ValueTask.FromResult(audit.Record(entry));

    private static BsonExpression ByCode(string code) => Filter.Equal(nameof(Dossier.Code), code);
}

/// <summary>The last sequence number given out on one local day (<c>YYMMDD</c>).</summary>
internal sealed record DayCounter : ICommuneRecord
{
    /// <summary><see cref="Key"/>: the commune and the day, as each commune numbers its own dossiers.</summary>
    public required string Id { get; init; }

    public string Commune { get; init; } = string.Empty;

    public static string Key(string commune, DateOnly day) =>
        commune + ":" + day.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public int Last { get; init; }
}


/// <summary>
/// Indexes of the dossiers: code (unique), phone and owning chat. Nothing else: every index costs each row written (an
/// import most), and the statistics read daily figures instead.
/// </summary>
internal sealed class DossierCollectionSetup : ICollectionSetup
{
    // Indexes of earlier versions that no query reads any more.
    private static readonly string[] Retired = ["ReceivedAt", "Status", "lastChange"];

    public void Configure(OfficeDatabase database)
    {
        var dossiers = database.Collection<Dossier>(DossierStore.CollectionName);
        dossiers.EnsureIndex(d => d.Code, unique: true);
        dossiers.EnsureIndex(d => d.Phone);
        dossiers.EnsureCommuneIndex();
        dossiers.EnsureIndex("owner", DossierStore.OwnerExpression);
        foreach (var name in Retired)
        {
            dossiers.DropIndex(name);
        }
    }
}
