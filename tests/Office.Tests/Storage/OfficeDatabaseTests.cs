using LiteDB;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Storage;

public sealed class OfficeDatabaseTests : IDisposable
{
    private readonly TestOffice office = new();

    private OfficeDatabase Database => office.Get<OfficeDatabase>();

    /// <summary>
    /// The first residents of a new install arrive together: their turns write and read collections that do not exist
    /// yet. LiteDB 5 alone fails such a read, and then every call after it, when it meets the creating transaction.
    /// </summary>
    [Fact]
    public async Task Collections_first_used_by_many_threads_at_once_keep_the_database_working()
    {
        const int Collections = 300;
        var written = 0;
        // One thread creates collection after collection while two others keep reading the newest names.
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Collections; i++)
            {
                var collection = Database.Collection<BsonDocument>($"first_use_{i}");
                var document = new BsonDocument { ["_id"] = i };
                Database.InTransaction(() => collection.Upsert(document));
                Volatile.Write(ref written, i + 1);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                var next = Volatile.Read(ref written);
                _ = Database.Collection<BsonDocument>($"first_use_{next}").FindById(next);
                _ = Database.Collection<BsonDocument>($"first_use_{next + 1}").Count();
            }
        }));
        await Task.WhenAll([writer, .. readers]);

        Assert.Null(Database.HealthProblem());
        Assert.All(Enumerable.Range(0, Collections), i => Assert.NotNull(Database.Collection<BsonDocument>($"first_use_{i}").FindById(i)));
    }

    [Fact]
    public void A_collection_created_inside_a_transaction_that_rolls_back_is_created_again_on_next_use()
    {
        Assert.Throws<InvalidOperationException>(() => Database.InTransaction<int>(() =>
        {
            Database.Collection<BsonDocument>("rolled_back").Insert(new BsonDocument { ["_id"] = 1 });
            throw new InvalidOperationException("the work failed");
        }));

        var collection = Database.Collection<BsonDocument>("rolled_back");
        Database.InTransaction(() => collection.Insert(new BsonDocument { ["_id"] = 2 }));

        Assert.Equal([2], collection.FindAll().Select(d => d["_id"].AsInt32));
        Assert.Null(Database.HealthProblem());
    }

    /// <summary>
    /// After a start, several turns read the same kind of record at once. LiteDB alone maps a type on first use and
    /// lets the other threads see the mapping half built: they read the record with none of its fields.
    /// </summary>
    [Fact]
    public async Task Records_read_by_many_threads_on_first_use_keep_their_fields()
    {
        const int Threads = 8;
        const int Records = 20;
        var raw = Database.Collection<BsonDocument>("first_mapping");
        Database.InTransaction(() => raw.InsertBulk(Enumerable.Range(1, Records).Select(id => new BsonDocument
        {
            ["_id"] = id,
            ["Name"] = $"tên {id}",
            ["Items"] = new BsonArray { new BsonDocument { ["Code"] = $"c{id}", ["Count"] = id } },
        })));

        using var start = new Barrier(Threads);
        var read = await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
        {
            start.SignalAndWait();
            return Database.Collection<Nested>("first_mapping").FindAll().ToList();
        })));

        Assert.All(read.SelectMany(records => records), r => Assert.Equal([new Inner($"c{r.Id}", r.Id)], r.Items));
    }

    public sealed record Inner(string Code, int Count);

    public sealed record Nested(int Id, string Name, IReadOnlyList<Inner> Items);

    public void Dispose() => office.Dispose();
}
