using System.Globalization;
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
public sealed record JoinedCollection(string Name, string Label, int Moved, int Counted);

/// <summary>What moving a one-commune file in came to: a refusal (one line), or each collection's counts.</summary>
public sealed record JoinOutcome(string? Refusal, IReadOnlyList<JoinedCollection> Collections);

/// <summary>
/// Moves the records of a one-commune database file (written before records had a commune) into this deployment's
/// database as one commune's: every record of every commune collection, stamped with the commune, all in one
/// transaction, each collection's count checked. Codes, keys and references stay as they were; a numeric id is moved up
/// only in a collection where it would collide, and the references to it (a delivery's notice, a reminder's delivery,
/// a seen code's export) move with it. The daily figures are not copied: they are counted from the dossiers on first use.
/// </summary>
public sealed class CommuneJoin(OfficeDatabase database, CommuneDirectory directory)
{
    /// <summary>The residents' and clerks' names of the collections, as the verb prints them.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [DossierStore.CollectionName] = "hồ sơ",
        [DossierStore.FilingsCollectionName] = "lần nộp từ trò chuyện",
        [DossierStore.CountersCollectionName] = "số thứ tự hồ sơ theo ngày",
        [StaffAuditLog.CollectionName] = "nhật ký thao tác cán bộ",
        [SubscriptionStore.CollectionName] = "người nhận thông báo",
        [SubscriptionStore.AskedCollectionName] = "lần đã hỏi nhận thông báo",
        [NoticeCollections.NoticesName] = "thông báo",
        [NoticeCollections.DeliveriesName] = "tin nhắn gửi đi",
        [RatingStore.CollectionName] = "đánh giá",
        [FeedbackStore.CollectionName] = "góp ý",
        [HandoffStore.CollectionName] = "câu hỏi chuyển cán bộ",
        [HandoffStore.MessagesCollectionName] = "tin trả lời của cán bộ",
        [HandoffStore.StaffChatsCollectionName] = "cuộc trò chuyện của cán bộ",
        [UnansweredQuestionStore.CollectionName] = "câu hỏi chưa trả lời được",
        [ReminderStore.CollectionName] = "lời nhắc",
        [LookupGuard.CollectionName] = "lần tra cứu sai",
        [ProvincialSync.ExportsCollection] = "lần đồng bộ với tỉnh",
        [ProvincialSync.SeenCollection] = "trạng thái hồ sơ theo hệ thống tỉnh",
        [ProvincialSync.UploadsCollection] = "tệp đồng bộ đang chờ",
    };

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
            return Refuse($"Không có xã mã \"{communeId}\" trong cấu hình (Communes). Các mã đang có: {string.Join(", ", directory.All.Select(c => c.Id))}.");
        }
        var path = Path.GetFullPath(from);
        if (!File.Exists(path))
        {
            return Refuse($"Không tìm thấy tệp {path}.");
        }
        if (OfficeDatabase.FileProblem(path) is { } problem)
        {
            return Refuse($"Tệp {path} không phải cơ sở dữ liệu dùng được: {problem}");
        }
        if (Collections.Select(c => c.Name).FirstOrDefault(name => Target(name).Exists(Filter.Equal(CommuneRecords.Field, commune.Id))) is { } taken)
        {
            return Refuse($"Xã {commune.Id} đã có dữ liệu ({Labels[taken]}), nên không chuyển thêm: mỗi xã chỉ chuyển vào một lần.");
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
                return Refuse($"Tệp {path} do phiên bản quá cũ ghi ra. Hãy chạy chương trình một lần với tệp này (một xã) rồi chuyển lại.");
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
                return Refuse($"Không chuyển được: một số {Labels[name]} trùng mã với dữ liệu của xã khác. Không có gì được ghi.");
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
                        throw new JoinCountException(Labels[name], documents.Count, counted);
                    }
                    counts.Add(new JoinedCollection(name, Labels[name], documents.Count, counted));
                }
                return new JoinOutcome(null, counts);
            });
        }
        catch (JoinCountException e)
        {
            return Refuse(e.Message);
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

    private static JoinOutcome Refuse(string reason) => new(reason, []);

    private sealed class JoinCountException(string label, int moved, int counted)
        : InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"Không chuyển được: {label} đọc được {moved} nhưng ghi vào chỉ đếm được {counted}. Không có gì được ghi."));
}
