using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Reminders;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Sync;

namespace OneStopBot.Office.Storage;

/// <summary>How many records of one collection were moved, and how many the database holds for the commune after.</summary>
public sealed record JoinedCollection(string Name, int Moved, int Counted);

/// <summary>Why a move was refused; nothing was written.</summary>
public enum JoinRefusal
{
    /// <summary>No configured commune has the slug (<see cref="JoinOutcome.Detail"/>: the configured slugs).</summary>
    UnknownCommune,

    /// <summary>The file does not exist (detail: its full path).</summary>
    MissingFile,

    /// <summary>The file is not a database that can be read (detail: what is wrong).</summary>
    NotADatabase,

    /// <summary>The file was written before chat addresses were kept; opening it once alone brings it up to date.</summary>
    TooOld,

    /// <summary>The commune has records already (detail: the first collection that has some).</summary>
    CommuneHasRecords,

    /// <summary>Some records' keys are another commune's already (detail: the collection).</summary>
    KeysTaken,

    /// <summary>A collection's count after the move differs from the file's (detail: the collection).</summary>
    CountDiffers,
}

/// <summary>What moving a one-commune file in came to: a refusal, or each collection's counts.</summary>
public sealed record JoinOutcome(JoinRefusal? Refusal, string? Detail, IReadOnlyList<JoinedCollection> Collections);

/// <summary>
/// Moves the records of a one-commune database file (written before records had a commune) into this deployment's
/// database as one commune's: every record of every commune collection, stamped with the commune, all in one
/// transaction, each collection's count checked. Codes, keys and references stay as they were; a numeric id is moved up
/// only in a collection where it would collide, and the references to it (a delivery's notice, a reminder's delivery,
/// a seen code's export) move with it. The daily figures are not copied: they are counted from the dossiers on first use.
/// </summary>
public sealed class CommuneJoin(OfficeDatabase database, CommuneDirectory directory)
{
    // Numeric ids other collections point at: (collection, field in another collection that holds it).
    private static readonly (string Target, string Referrer, string Field)[] References =
    [
        (NoticeCollections.NoticesName, NoticeCollections.DeliveriesName, nameof(Delivery.NoticeId)),
        (NoticeCollections.DeliveriesName, ReminderStore.CollectionName, nameof(Reminder.DeliveryId)),
        (ProvincialSync.ExportsCollection, ProvincialSync.SeenCollection, nameof(SyncSeen.ExportId)),
    ];

    /// <summary>Moves the file at <paramref name="from"/> in as commune <paramref name="communeId"/>'s records.</summary>
    public JoinOutcome Join(string from, string communeId)
    {
        if (directory.Find(communeId) is not { } commune)
        {
            return Refuse(JoinRefusal.UnknownCommune, string.Join(", ", directory.All.Select(c => c.Id)));
        }
        var path = Path.GetFullPath(from);
        if (!File.Exists(path))
        {
            return Refuse(JoinRefusal.MissingFile, path);
        }
        if (OfficeDatabase.FileProblem(path) is { } problem)
        {
            return Refuse(JoinRefusal.NotADatabase, problem);
        }
        if (Collections.Select(c => c.Name).FirstOrDefault(name => Target(name).Exists(Filter.Equal(CommuneRecords.Field, commune.Id))) is { } taken)
        {
            return Refuse(JoinRefusal.CommuneHasRecords, taken);
        }
        // The file is read from a copy, as its check did: the original is never opened, so it stays exactly as it was.
        var folder = Path.Combine(Path.GetTempPath(), "onestop-join-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var copy = Path.Combine(folder, Path.GetFileName(path));
            File.Copy(path, copy);
            if (File.Exists(OfficeDatabase.LogFileOf(path)))
            {
                File.Copy(OfficeDatabase.LogFileOf(path), OfficeDatabase.LogFileOf(copy));
            }
            using var source = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
            if (source.UserVersion < ChatAddressMigration.Version)
            {
                return Refuse(JoinRefusal.TooOld, path);
            }
            return Move(source, commune);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<(string Name, Func<string, BsonValue, BsonValue> Id)> Collections =>
        CommuneStamp.Collections.Where(c => !CommuneStamp.IsRebuilt(c.Name));

    private ILiteCollection<BsonDocument> Target(string name) => database.Collection<BsonDocument>(name);

    private JoinOutcome Move(LiteDatabase source, Commune commune)
    {
        var read = Collections.ToDictionary(
            c => c.Name,
            c => source.GetCollectionNames().Contains(c.Name, StringComparer.OrdinalIgnoreCase)
                // A province-wide count of a source's failures is short-lived and not one commune's: it is left behind.
                ? source.GetCollection(c.Name).FindAll().Where(d => !IsSourceCount(c.Name, d)).ToList()
                : [],
            StringComparer.Ordinal);
        var shifts = read.ToDictionary(pair => pair.Key, pair => Shift(pair.Key, pair.Value), StringComparer.Ordinal);
        var moved = Collections.Select(c => (c.Name, Documents: read[c.Name].Select(d => Moved(c.Name, d, commune.Id, c.Id, shifts)).ToList())).ToList();
        foreach (var (name, documents) in moved)
        {
            var ids = new BsonArray(documents.Select(d => d["_id"]));
            if (ids.Count > 0 && Target(name).Exists(Filter.In("_id", ids)))
            {
                return Refuse(JoinRefusal.KeysTaken, name);
            }
        }
        try
        {
            return database.InTransaction(() =>
            {
                var counts = new List<JoinedCollection>();
                foreach (var (name, documents) in moved)
                {
                    Target(name).InsertBulk(documents);
                    var counted = Target(name).Count(Filter.Equal(CommuneRecords.Field, commune.Id));
                    if (counted != documents.Count)
                    {
                        // Thrown inside the transaction: nothing of the move is kept.
                        throw new JoinCountException(name);
                    }
                    counts.Add(new JoinedCollection(name, documents.Count, counted));
                }
                return new JoinOutcome(null, null, counts);
            });
        }
        catch (JoinCountException e)
        {
            return Refuse(JoinRefusal.CountDiffers, e.Collection);
        }
    }

    private static bool IsSourceCount(string collection, BsonDocument document) =>
        collection == LookupGuard.CollectionName && document["_id"].IsString
        && document["_id"].AsString.StartsWith(LookupGuard.SourcePrefix, StringComparison.Ordinal);

    /// <summary>How far the numeric ids of a collection move up: 0 unless one of them is taken in the target.</summary>
    private long Shift(string name, List<BsonDocument> documents)
    {
        var numeric = documents.Select(d => d["_id"]).Where(id => id.IsNumber).ToList();
        if (numeric.Count == 0 || !Target(name).Exists(Filter.In("_id", new BsonArray(numeric))))
        {
            return 0;
        }
        // Above the highest id in use, so the moved records keep their order (a handoff's messages are read by id).
        return Target(name).Max("_id").AsInt64;
    }

    private static BsonDocument Moved(string name, BsonDocument document, string commune, Func<string, BsonValue, BsonValue> id, Dictionary<string, long> shifts)
    {
        var moved = CommuneStamp.Stamp(document, commune, id);
        moved["_id"] = Shifted(moved["_id"], shifts[name]);
        foreach (var (target, _, field) in References.Where(r => r.Referrer == name))
        {
            if (moved.TryGetValue(field, out var reference) && reference.IsNumber)
            {
                moved[field] = Shifted(reference, shifts[target]);
            }
        }
        return moved;
    }

    private static BsonValue Shifted(BsonValue id, long shift) =>
        shift == 0 || !id.IsNumber ? id
            : id.IsInt32 && id.AsInt32 + shift <= int.MaxValue ? new BsonValue((int)(id.AsInt32 + shift))
            : new BsonValue(id.AsInt64 + shift);

    private static JoinOutcome Refuse(JoinRefusal refusal, string detail) => new(refusal, detail, []);

    // Thrown inside the transaction so that it rolls back.
    private sealed class JoinCountException(string collection) : InvalidOperationException($"The count of {collection} differs after the move.")
    {
        public string Collection { get; } = collection;
    }
}
