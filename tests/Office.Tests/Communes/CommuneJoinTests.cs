using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Dossiers;
using OneStopBot.Office.Tests.Notices;
using OneStopBot.Office.Tests.Security;

namespace OneStopBot.Office.Tests.Communes;

/// <summary>
/// A database written by the version before records had a commune (<c>one-commune-before.db</c>: commit 425fd79's
/// stores filed 25 dossiers of xã Phước Đức with their history, audit and daily figures, then a subscription, an "asked"
/// mark, a broadcast fanned out with its delivery report, a status message, ratings with a comment, feedback, two
/// handoffs with a staff reply, a staff chat, an unanswered question, wrong guesses of a code's digits and a reminder).
/// Opened alone it is the one commune's; moved into a deployment of several it becomes the chosen commune's, every record
/// with the same fields plus the commune, and nothing else changes.
/// </summary>
public sealed class CommuneJoinTests : IDisposable
{
    private const string Fixture = "one-commune-before.db";
    private const string Joined = "phuoc-duc";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-join-tests", Guid.NewGuid().ToString("N"));
    private readonly TestOffice province = new(settings: CommuneIsolationTests.TwoCommunes(), services: AddNoticeStores);

    public CommuneJoinTests() => Directory.CreateDirectory(folder);

    private static void AddNoticeStores(IServiceCollection services) =>
        services.AddNoticeStores().AddSingleton<INoticeTexts, TestNoticeTexts>();

    /// <summary>A copy of the old file, so that no test changes the one in the repository.</summary>
    private string OldFile()
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Communes", Fixture), path);
        return path;
    }

    private T In<T>(string commune, Func<T> work) => province.In(commune, work);

    private Task<T> InAsync<T>(string commune, Func<Task<T>> work) => province.InAsync(commune, work);

    [Fact]
    public async Task Every_record_of_the_old_file_is_moved_with_the_same_fields_plus_the_commune()
    {
        // The other commune has records first, so numeric ids collide and must move up.
        await InAsync("phuoc-nang", () => province.Get<DossierDesk>().ReceiveAsync(DossierStoreTests.Request(), "Anh Tú"));
        In("phuoc-nang", () => province.Get<NoticeStore>().Create("Họp xã", null, "Anh Tú", reportTo: null));
        var old = OldFile();
        var before = Documents(old);

        var outcome = province.Get<CommuneJoin>().Join(old, Joined);

        Assert.Null(outcome.Refusal);
        Assert.All(outcome.Collections, c => Assert.Equal(c.Moved, c.Counted));
        var database = province.Get<OfficeDatabase>();
        foreach (var (name, documents) in before)
        {
            var moved = database.Collection<BsonDocument>(name).Find(Filter.Equal(CommuneRecords.Field, Joined)).ToList();
            Assert.Equal(Comparable(documents), Comparable(moved));
        }
        Assert.Contains(before, pair => pair.Key == DossierStore.CollectionName && pair.Value.Count == 25);
        Assert.Equal([File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Communes", Fixture))], [File.ReadAllBytes(old)]);
    }

    [Fact]
    public async Task After_the_move_the_commune_s_residents_and_staff_find_their_records_and_the_other_commune_does_not()
    {
        In("phuoc-nang", () => province.Get<NoticeStore>().Create("Họp xã", null, "Anh Tú", reportTo: null));
        Assert.Null(province.Get<CommuneJoin>().Join(OldFile(), Joined).Refusal);
        var resident = new ChatAddress("webchat", "dan-1", "conv-1");

        var owned = await InAsync(Joined, () => province.Get<DossierDesk>().ListByOwnerAsync(resident.ChannelId, resident.UserId));
        var dossier = Assert.Single(owned);
        Assert.Equal(dossier.Code, (await InAsync(Joined, () => province.Get<DossierDesk>().FindAsync(dossier.Code)))?.Code);
        Assert.Null(await InAsync("phuoc-nang", () => province.Get<DossierDesk>().FindAsync(dossier.Code)));
        Assert.Equal(2, In(Joined, () => province.Get<SubscriptionStore>().Count()));
        Assert.Equal(0, In("phuoc-nang", () => province.Get<SubscriptionStore>().Count()));
        // A broadcast's deliveries still count on its notice, whose id moved up past the other commune's.
        var notice = In(Joined, () => province.Get<NoticeStore>().Latest(1)).Single();
        var progress = In(Joined, () => province.Get<NoticeStore>().Progress(notice.Id))!;
        Assert.Equal(("Họp thôn tối thứ Bảy", 2), (progress.Notice.Text, progress.Pending));
        var deliveries = province.Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName);
        Assert.Equal(2, deliveries.Count(Filter.Equal(nameof(Delivery.NoticeId), notice.Id)));
        Assert.All(deliveries.Find(Filter.Equal(nameof(Delivery.NoticeId), notice.Id)), d => Assert.Equal(Joined, d.Commune));
        var handoff = In(Joined, () => province.Get<HandoffStore>().Open(10)).First(h => h.Resident.UserId == "dan-1");
        Assert.Single(In(Joined, () => province.Get<HandoffStore>().Messages(handoff.Id, 0, 10)));
        // The figures are counted from the moved dossiers.
        var november = await InAsync(Joined, () => province.Get<OfficeStatistics>().ComputeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(24, november.Received);
        Assert.Equal(2, In(Joined, () => province.Get<RatingStore>().Latest(10)).Count);
    }

    [Fact]
    public async Task Opened_alone_the_old_file_is_the_one_commune_s_and_its_figures_are_those_of_the_moved_records()
    {
        var old = OldFile();
        Assert.Null(province.Get<CommuneJoin>().Join(old, Joined).Refusal);
        var (from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
        var alone = new Dictionary<string, string?> { ["Storage:DatabasePath"] = old };

        using (var office = new TestOffice(settings: alone, services: AddNoticeStores))
        {
            var database = office.Get<OfficeDatabase>();
            foreach (var (name, _) in CommuneStamp.Collections.Where(c => !CommuneStamp.IsRebuilt(c.Name)))
            {
                Assert.False(database.Collection<BsonDocument>(name).Exists(Filter.Equal(CommuneRecords.Field, BsonValue.Null)), name);
            }
            Assert.Equal(await InAsync(Joined, () => province.Get<OfficeStatistics>().ComputeAsync(from, to)), await office.Get<OfficeStatistics>().ComputeAsync(from, to));
            var code = (await office.Get<IDossierStore>().ListByOwnerAsync("webchat", "dan-1")).Single().Code;
            Assert.NotNull(await office.Get<IDossierStore>().FindAsync(code));
        }
        var stamped = Documents(old, exceptFigures: false);

        // A second start finds nothing left to stamp and changes nothing.
        using (var again = new TestOffice(settings: alone, services: AddNoticeStores))
        {
            Assert.Equal(2, again.Get<SubscriptionStore>().Count());
        }
        Assert.Equal(
            Comparable([.. stamped.SelectMany(p => p.Value)]),
            Comparable([.. Documents(old, exceptFigures: false).SelectMany(p => p.Value)]));
    }

    [Fact]
    public void The_move_is_refused_for_an_unknown_commune_a_missing_file_a_file_that_is_no_database_and_a_commune_with_records()
    {
        var join = province.Get<CommuneJoin>();
        var text = Path.Combine(folder, "notes.db");
        File.WriteAllText(text, "không phải cơ sở dữ liệu");
        var old = OldFile();

        Assert.Equal((JoinRefusal.UnknownCommune, "phuoc-duc, phuoc-nang"), Refusal(join.Join(old, "phuoc-xyz")));
        Assert.Equal(JoinRefusal.MissingFile, join.Join(Path.Combine(folder, "missing.db"), Joined).Refusal);
        Assert.Equal(JoinRefusal.NotADatabase, join.Join(text, Joined).Refusal);
        Assert.Null(join.Join(old, Joined).Refusal);
        var count = In(Joined, () => province.Get<DossierSearch>().Find(new DossierQuery(Text: "0912345678")).Items).Count;

        Assert.Equal((JoinRefusal.CommuneHasRecords, DossierStore.CollectionName), Refusal(join.Join(OldFile(), Joined)));
        Assert.Equal(count, In(Joined, () => province.Get<DossierSearch>().Find(new DossierQuery(Text: "0912345678")).Items).Count);
    }

    [Fact]
    public async Task A_file_whose_keys_another_commune_holds_is_refused_whole()
    {
        var join = province.Get<CommuneJoin>();
        Assert.Null(join.Join(OldFile(), Joined).Refusal);

        // The same file again as the other commune: its dossiers' codes are taken, so nothing of it goes in.
        Assert.Equal(JoinRefusal.KeysTaken, join.Join(OldFile(), "phuoc-nang").Refusal);
        Assert.True(await InAsync("phuoc-nang", () => province.Get<DossierDesk>().IsEmptyAsync()));
        Assert.Equal(0, In("phuoc-nang", () => province.Get<SubscriptionStore>().Count()));
    }

    private static (JoinRefusal?, string?) Refusal(JoinOutcome outcome) => (outcome.Refusal, outcome.Detail);

    /// <summary>Each commune collection of the file, its records as stored (the daily figures, rebuilt, left out).</summary>
    private static Dictionary<string, List<BsonDocument>> Documents(string path, bool exceptFigures = true)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
        var names = database.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return CommuneStamp.Collections
            .Where(c => names.Contains(c.Name) && !(exceptFigures && CommuneStamp.IsRebuilt(c.Name)))
            .ToDictionary(c => c.Name, c => database.GetCollection(c.Name).FindAll()
                // A source's failed lookups count across the province and are not moved.
                .Where(d => !(d["_id"].IsString && d["_id"].AsString.StartsWith("source:", StringComparison.Ordinal)))
                .ToList());
    }

    /// <summary>
    /// The records without what the move may change — the commune, numeric ids and the numeric references to them, and
    /// the commune in an id — as sorted JSON.
    /// </summary>
    private static List<string> Comparable(List<BsonDocument> documents) =>
        documents.Select(document =>
        {
            var copy = new BsonDocument();
            foreach (var (key, value) in document)
            {
                if (key is "Commune" or "NoticeId" or "DeliveryId" or "ExportId" || key == "_id" && value.IsNumber)
                {
                    continue;
                }
                copy[key] = key == "_id" && value.IsString ? value.AsString.Replace(Joined + ":", "", StringComparison.Ordinal) : value;
            }
            return JsonSerializer.Serialize(copy);
        }).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        province.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
