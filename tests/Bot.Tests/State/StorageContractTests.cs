using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.State;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.State;

public sealed class PocoItem
{
    public string? Id { get; set; }

    public int Count { get; set; }
}

public sealed class PocoStoreItem : IStoreItem
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public string? ETag { get; set; }
}

/// <summary>The contract every <see cref="IStorage"/> here must keep, in the style of the SDK's StorageBaseTests.</summary>
public abstract class StorageContractTests
{
    protected abstract IStorage Storage { get; }

    [Fact]
    public async Task Reading_a_missing_key_leaves_it_out()
    {
        var result = await Storage.ReadAsync(["unknown"]);

        Assert.Empty(result);
    }

    [Fact]
    public async Task Created_objects_read_back_with_their_values_and_an_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["createPoco"] = new PocoItem { Id = "1" },
            ["createPocoStoreItem"] = new PocoStoreItem { Id = "2" },
        });

        var read = await Storage.ReadAsync(["createPoco", "createPocoStoreItem", "missing"]);

        Assert.Equal(2, read.Count);
        Assert.Equal("1", Assert.IsType<PocoItem>(read["createPoco"]).Id);
        var storeItem = Assert.IsType<PocoStoreItem>(read["createPocoStoreItem"]);
        Assert.Equal("2", storeItem.Id);
        Assert.False(string.IsNullOrEmpty(storeItem.ETag));
    }

    [Fact]
    public async Task Typed_objects_round_trip_with_their_types()
    {
        var when = new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.FromHours(7));
        var state = new Dictionary<string, object>
        {
            ["poco"] = new PocoItem { Id = "a", Count = 3 },
            ["list"] = new List<PocoItem> { new() { Id = "b", Count = 4 } },
            ["when"] = when,
        };

        await Storage.WriteAsync(new Dictionary<string, object> { ["typed"] = state });
        var read = Assert.IsType<Dictionary<string, object>>((await Storage.ReadAsync(["typed"]))["typed"]);

        Assert.Equal(3, Assert.IsType<PocoItem>(read["poco"]).Count);
        Assert.Equal("b", Assert.Single(Assert.IsType<List<PocoItem>>(read["list"])).Id);
        Assert.Equal(when, Assert.IsType<DateTimeOffset>(read["when"]));
    }

    [Fact]
    public async Task Updates_change_the_etag_and_a_stale_etag_is_refused()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["pocoItem"] = new PocoItem { Id = "1", Count = 1 },
            ["pocoStoreItem"] = new PocoStoreItem { Id = "1", Count = 1 },
        });
        var loaded = await Storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        var item = (PocoItem)loaded["pocoItem"];
        var storeItem = (PocoStoreItem)loaded["pocoStoreItem"];
        var firstETag = storeItem.ETag;
        item.Count++;
        storeItem.Count++;

        await Storage.WriteAsync(loaded);
        var reloaded = await Storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(2, ((PocoItem)reloaded["pocoItem"]).Count);
        Assert.Equal(2, ((PocoStoreItem)reloaded["pocoStoreItem"]).Count);
        Assert.NotEqual(firstETag, ((PocoStoreItem)reloaded["pocoStoreItem"]).ETag);

        // A plain object has no eTag: an old copy still writes.
        item.Count = 123;
        await Storage.WriteAsync(new Dictionary<string, object> { ["pocoItem"] = item });

        // A store item with the old eTag does not.
        storeItem.Count = 123;
        await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = storeItem }));

        var after = await Storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(123, ((PocoItem)after["pocoItem"]).Count);
        Assert.Equal(2, ((PocoStoreItem)after["pocoStoreItem"]).Count);
    }

    [Fact]
    public async Task The_wildcard_etag_always_writes()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 2, ETag = "*" } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 3, ETag = "*" } });

        var read = (PocoStoreItem)(await Storage.ReadAsync(["item"]))["item"];

        Assert.Equal(3, read.Count);
        Assert.NotEqual("*", read.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("not-the-current-etag")]
    public async Task Writing_over_an_existing_item_without_its_etag_is_refused(string? etag)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 99, ETag = etag } }));

        Assert.Equal(1, ((PocoStoreItem)(await Storage.ReadAsync(["item"]))["item"]).Count);
    }

    [Fact]
    public async Task Deleted_items_are_gone_and_deleting_unknown_keys_is_harmless()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["delete1"] = new PocoStoreItem { Id = "1", Count = 1 } });
        Assert.Single(await Storage.ReadAsync(["delete1"]));

        await Storage.DeleteAsync(["delete1", "unknown_key"]);

        Assert.Empty(await Storage.ReadAsync(["delete1"]));
    }

    [Fact]
    public async Task Parallel_batches_to_one_key_leave_one_complete_value()
    {
        var batches = Enumerable.Range(0, 8)
            .Select(i => new Dictionary<string, object> { ["createPoco"] = new PocoItem { Id = "1", Count = i } })
            .ToList();

        await Task.WhenAll(batches.Select(batch => Task.Run(() => Storage.WriteAsync(batch))));

        var read = (PocoItem)(await Storage.ReadAsync(["createPoco"]))["createPoco"];
        Assert.Equal("1", read.Id);
        Assert.InRange(read.Count, 0, 7);
    }

    [Fact]
    public async Task A_batch_writes_every_key()
    {
        var batch = Enumerable.Range(0, 20).ToDictionary(i => $"key{i}", i => (object)new PocoItem { Id = $"{i}", Count = i });

        await Storage.WriteAsync(batch);
        var read = await Storage.ReadAsync([.. batch.Keys]);

        Assert.Equal(20, read.Count);
        Assert.All(read, pair => Assert.Equal(pair.Key, "key" + ((PocoItem)pair.Value).Id));
    }

    [Theory]
    [InlineData("!@#$%^&*()~/\\><,.?';\"`~")]
    [InlineData("zalo/conversations/Nguyễn Thị Hoa/ÀÁẢÃẠ")]
    [InlineData("emoji/🙂👍🏽")]
    [InlineData("   ")]
    public async Task Unusual_keys_work(string key)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = "1" } });

        var read = await Storage.ReadAsync([key]);

        Assert.Equal("1", Assert.IsType<PocoStoreItem>(read[key]).Id);
    }

    [Fact]
    public async Task A_very_long_key_works()
    {
        var key = "webchat/conversations/" + new string('x', 4000);
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoItem { Id = "long" } });

        Assert.Equal("long", ((PocoItem)(await Storage.ReadAsync([key]))[key]).Id);
        Assert.Empty(await Storage.ReadAsync([key + "y"]));
    }

    [Fact]
    public async Task Null_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.WriteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.DeleteAsync(null!));
    }

    [Fact]
    public async Task User_state_persists_through_turns()
    {
        var userState = new UserState(Storage);
        var property = userState.CreateProperty<PocoItem>("test");
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(userState));

        await new TestFlow(adapter, async (context, cancellationToken) =>
            {
                var state = await property.GetAsync(context, () => new PocoItem(), cancellationToken);
                if (context.Activity.Text == "set")
                {
                    state.Id = "Thôn A Dớt";
                    await context.SendActivityAsync("saved", cancellationToken: cancellationToken);
                }
                else
                {
                    await context.SendActivityAsync(state.Id ?? "none", cancellationToken: cancellationToken);
                }
            })
            .Test("set", "saved")
            .Test("get", "Thôn A Dớt")
            .StartTestAsync();
    }
}

/// <summary>The SDK's own storage, as it comes, is the reference the contract is written against.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();
}

/// <summary>A bot state storage over a database file in a temporary folder that can be closed and opened again.</summary>
public sealed class StateDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-state-" + Guid.NewGuid().ToString("N"));
    private readonly int cachedDocuments;

    public StateDatabase(int cachedDocuments = 4_000)
    {
        this.cachedDocuments = cachedDocuments;
        Directory.CreateDirectory(folder);
        Database = Open();
        Cache = NewCache();
        Storage = new LiteDbStorage(Database, Cache);
    }

    public OfficeDatabase Database { get; private set; }

    public StateCache Cache { get; private set; }

    public LiteDbStorage Storage { get; private set; }

    /// <summary>Closes the file and opens it again, as a restart does: nothing of the old cache is kept.</summary>
    public void Reopen()
    {
        Cache.Dispose();
        Database.Dispose();
        Database = Open();
        Cache = NewCache();
        Storage = new LiteDbStorage(Database, Cache);
    }

    private StateCache NewCache() => new(Options.Create(new StateOptions { CachedDocuments = cachedDocuments }), TimeProvider.System);

    public void Dispose()
    {
        Cache.Dispose();
        Database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private OfficeDatabase Open() =>
        new(Options.Create(new StorageOptions { DatabasePath = Path.Combine(folder, "state.db") }), []);
}

/// <summary>What the project's database storages keep beyond the SDK's contract: whole batches, and no write for nothing.</summary>
public abstract class DatabaseStorageContractTests : StorageContractTests
{
    [Fact]
    public async Task Writing_what_is_stored_already_keeps_its_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new PocoStoreItem { Id = "a", Count = 1 } });
        var read = await Storage.ReadAsync(["conversation"]);
        var etag = ((PocoStoreItem)read["conversation"]).ETag;

        await Storage.WriteAsync(read);
        Assert.Equal(etag, ((PocoStoreItem)(await Storage.ReadAsync(["conversation"]))["conversation"]).ETag);

        ((PocoStoreItem)read["conversation"]).Count = 2;
        await Storage.WriteAsync(read);
        var changed = (PocoStoreItem)(await Storage.ReadAsync(["conversation"]))["conversation"];
        Assert.Equal(2, changed.Count);
        Assert.NotEqual(etag, changed.ETag);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_even_when_the_content_is_the_same()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["c"] = new PocoStoreItem { Id = "a", Count = 1 } });

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["c"] = new PocoStoreItem { Id = "a", Count = 1, ETag = "stale" } }));
    }

    [Fact]
    public async Task Reads_of_many_keys_at_once_each_find_their_own_document()
    {
        var keys = Enumerable.Range(0, 40).Select(i => "conversation/" + i).ToArray();
        await Storage.WriteAsync(keys.ToDictionary(k => k, object (k) => new PocoItem { Id = k }));

        var found = await Task.WhenAll(keys.Select(k => Task.Run(() => Storage.ReadAsync([k]))));

        Assert.Equal(keys, found.Select(r => ((PocoItem)Assert.Single(r).Value).Id));
    }

    [Fact]
    public async Task A_conflict_leaves_the_whole_batch_unwritten()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["guarded"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new PocoItem { Id = "new" },
            ["guarded"] = new PocoStoreItem { Id = "1", Count = 2, ETag = "stale" },
        }));

        Assert.Empty(await Storage.ReadAsync(["fresh"]));
    }
}

public sealed class LiteDbStorageContractTests : DatabaseStorageContractTests, IDisposable
{
    private readonly StateDatabase office = new();

    protected override IStorage Storage => office.Storage;

    [Fact]
    public async Task The_host_registers_the_lite_db_storage()
    {
        using var factory = new OneStopBotFactory();
        Assert.IsType<LiteDbStorage>(factory.Services.GetRequiredService<IStorage>());
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "x" } });
        Assert.Equal(1, office.Database.Collection<LiteDB.BsonDocument>(LiteDbStorage.CollectionName).Count());
    }

    [Fact]
    public async Task Writing_what_is_stored_already_leaves_the_documents_untouched()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["conversation"] = new PocoStoreItem { Id = "a", Count = 1 },
            ["user"] = new PocoItem { Id = "u", Count = 1 },
        });
        var read = await Storage.ReadAsync(["conversation", "user"]);
        var states = office.Database.Collection<LiteDB.BsonDocument>(LiteDbStorage.CollectionName);
        // Marks the stored documents: a skipped write leaves the mark, a real one replaces the document.
        foreach (var document in states.FindAll().ToList())
        {
            document["mark"] = true;
            states.Update(document);
        }

        await Storage.WriteAsync(read);

        Assert.All(states.FindAll(), document => Assert.True(document["mark"].AsBoolean));
    }

    [Fact]
    public async Task State_survives_closing_and_reopening_the_database_file()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["conversation"] = new PocoStoreItem { Id = "Pa Lai", Count = 7 },
            ["user"] = new PocoItem { Id = "u", Count = 1 },
        });
        var etag = ((PocoStoreItem)(await Storage.ReadAsync(["conversation"]))["conversation"]).ETag;

        office.Reopen();
        var storage = office.Storage;
        var read = await storage.ReadAsync(["conversation", "user"]);

        var conversation = Assert.IsType<PocoStoreItem>(read["conversation"]);
        Assert.Equal(("Pa Lai", 7, etag), (conversation.Id, conversation.Count, conversation.ETag));
        Assert.Equal(1, Assert.IsType<PocoItem>(read["user"]).Count);
        // The eTag check still holds after the restart.
        await Assert.ThrowsAnyAsync<Exception>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new PocoStoreItem { Id = "x", ETag = "old" } }));
    }

    [Theory]
    [InlineData("System.IO.FileInfo, System.IO.FileSystem")]
    [InlineData("System.Diagnostics.Process, System.Diagnostics.Process")]
    [InlineData("System.Collections.Generic.List`1[[System.IO.DirectoryInfo, System.IO.FileSystem]], System.Private.CoreLib")]
    [InlineData("System.Uri, System.Private.Uri")]
    [InlineData("System.Lazy`1[[System.Object, System.Private.CoreLib]], System.Private.CoreLib")]
    public async Task A_tampered_document_naming_another_type_is_refused(string type)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Id = "x" } });
        var states = office.Database.Collection<LiteDB.BsonDocument>(LiteDbStorage.CollectionName);
        var document = states.FindById("state");
        document["json"] = "{\"$type\":\"" + type + "\",\"FileName\":\"/etc/passwd\"}";
        states.Update(document);
        // The file is the host's alone while it runs (and the cache serves what the host wrote): tampering happens at rest.
        office.Reopen();

        await Assert.ThrowsAsync<Newtonsoft.Json.JsonSerializationException>(() => Storage.ReadAsync(["state"]));
    }

    [Fact]
    public async Task A_document_names_its_root_type_and_the_types_of_untyped_values_only()
    {
        var state = new Dictionary<string, object> { ["items"] = new List<PocoItem> { new() { Id = "a" } }, ["words"] = new List<string> { "thụ lý" } };
        await Storage.WriteAsync(new Dictionary<string, object> { ["compact"] = state });

        var json = office.Database.Collection<LiteDB.BsonDocument>(LiteDbStorage.CollectionName).FindById("compact")["json"].AsString;
        var document = Newtonsoft.Json.Linq.JObject.Parse(json);
        Assert.StartsWith("System.Collections.Generic.Dictionary`2", document["$type"]!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("System.Collections.Generic.List`1[[OneStopBot.Bot.Tests.State.PocoItem", document["items"]!["$type"]!.ToString(), StringComparison.Ordinal);
        // Inside a typed list the element type is known: no name per element.
        Assert.Null(document["items"]!["$values"]![0]!["$type"]);
        office.Reopen();
        var read = Assert.IsType<Dictionary<string, object>>((await Storage.ReadAsync(["compact"]))["compact"]);
        Assert.Equal("a", Assert.Single(Assert.IsType<List<PocoItem>>(read["items"])).Id);
        Assert.Equal(["thụ lý"], Assert.IsType<List<string>>(read["words"]));
    }

    [Fact]
    public async Task A_document_that_names_every_type_as_memory_storage_writes_it_reads_back_typed()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["older"] = new PocoItem { Id = "x" } });
        var states = office.Database.Collection<LiteDB.BsonDocument>(LiteDbStorage.CollectionName);
        var document = states.FindById("older");
        document["json"] = """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib",
             "items":{"$type":"System.Collections.Generic.List`1[[OneStopBot.Bot.Tests.State.PocoItem, OneStopBot.Bot.Tests]], System.Private.CoreLib",
                      "$values":[{"$type":"OneStopBot.Bot.Tests.State.PocoItem, OneStopBot.Bot.Tests","Id":"b","Count":2}]}}
            """;
        states.Update(document);
        office.Reopen();

        var read = Assert.IsType<Dictionary<string, object>>((await Storage.ReadAsync(["older"]))["older"]);

        var item = Assert.Single(Assert.IsType<List<PocoItem>>(read["items"]));
        Assert.Equal(("b", 2), (item.Id, item.Count));
    }

    [Fact]
    public async Task The_projects_own_state_types_inside_framework_collections_still_read_back()
    {
        var items = new List<PocoItem> { new() { Id = "a", Count = 1 } };
        await Storage.WriteAsync(new Dictionary<string, object> { ["list"] = items, ["map"] = new Dictionary<string, object> { ["n"] = 3L } });

        var read = await Storage.ReadAsync(["list", "map"]);

        Assert.Equal("a", Assert.Single(Assert.IsType<List<PocoItem>>(read["list"])).Id);
        Assert.Equal(3L, Assert.IsType<Dictionary<string, object>>(read["map"])["n"]);
    }

    public void Dispose() => office.Dispose();
}

/// <summary>The cache of stored state documents: it never lets a write through that the database alone would refuse.</summary>
public sealed class StateCacheTests : IDisposable
{
    private readonly StateDatabase office = new(cachedDocuments: 3);

    [Fact]
    public async Task A_stale_etag_is_refused_while_the_current_document_is_cached()
    {
        await office.Storage.WriteAsync(new Dictionary<string, object> { ["c"] = new PocoStoreItem { Id = "a", Count = 1 } });
        var first = (PocoStoreItem)(await office.Storage.ReadAsync(["c"]))["c"];
        var second = (PocoStoreItem)(await office.Storage.ReadAsync(["c"]))["c"];
        first.Count = 2;
        await office.Storage.WriteAsync(new Dictionary<string, object> { ["c"] = first });

        second.Count = 3;
        await Assert.ThrowsAnyAsync<Exception>(() => office.Storage.WriteAsync(new Dictionary<string, object> { ["c"] = second }));

        office.Reopen();
        Assert.Equal(2, ((PocoStoreItem)(await office.Storage.ReadAsync(["c"]))["c"]).Count);
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        await office.Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new PocoStoreItem { Id = "n", Count = 0 } });
        var succeeded = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var item = (PocoStoreItem)(await office.Storage.ReadAsync(["counter"]))["counter"];
                item.Count++;
                try
                {
                    await office.Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = item });
                    Interlocked.Increment(ref succeeded);
                }
                catch (InvalidOperationException)
                {
                    // Another writer came first: its count stands, this one is dropped as a stale eTag must be.
                }
            }
        })));

        Assert.Equal(succeeded, ((PocoStoreItem)(await office.Storage.ReadAsync(["counter"]))["counter"]).Count);
        office.Reopen();
        Assert.Equal(succeeded, ((PocoStoreItem)(await office.Storage.ReadAsync(["counter"]))["counter"]).Count);
    }

    [Fact]
    public async Task A_deleted_document_reads_as_missing_and_is_gone_from_the_file()
    {
        await office.Storage.WriteAsync(new Dictionary<string, object> { ["d"] = new PocoItem { Id = "x" } });
        Assert.Single(await office.Storage.ReadAsync(["d"]));

        await office.Storage.DeleteAsync(["d"]);

        Assert.Empty(await office.Storage.ReadAsync(["d"]));
        Assert.Equal(0, office.Database.Collection<LiteDB.BsonDocument>(LiteDbStorage.CollectionName).Count());
        // A write after the delete is a new document again.
        await office.Storage.WriteAsync(new Dictionary<string, object> { ["d"] = new PocoItem { Id = "y" } });
        Assert.Equal("y", ((PocoItem)(await office.Storage.ReadAsync(["d"]))["d"]).Id);
    }

    [Fact]
    public async Task The_cache_stays_within_its_bound_and_evicted_documents_read_from_the_file()
    {
        var keys = Enumerable.Range(0, 20).Select(i => "conversation/" + i).ToArray();
        foreach (var key in keys)
        {
            await office.Storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = key, Count = 1 } });
            Assert.InRange(office.Cache.Count, 1, 3);
        }

        var read = await office.Storage.ReadAsync(keys);

        Assert.Equal(keys, keys.Select(k => ((PocoStoreItem)read[k]).Id));
        Assert.InRange(office.Cache.Count, 1, 3);
        // An evicted document's eTag is checked against the file.
        var evicted = (PocoStoreItem)read[keys[0]];
        await office.Storage.WriteAsync(new Dictionary<string, object> { [keys[1]] = new PocoItem(), [keys[2]] = new PocoItem(), [keys[3]] = new PocoItem() });
        await Assert.ThrowsAnyAsync<Exception>(() =>
            office.Storage.WriteAsync(new Dictionary<string, object> { [keys[0]] = new PocoStoreItem { Id = "stale", ETag = "old" } }));
        evicted.Count = 5;
        await office.Storage.WriteAsync(new Dictionary<string, object> { [keys[0]] = evicted });
        Assert.Equal(5, ((PocoStoreItem)(await office.Storage.ReadAsync([keys[0]]))[keys[0]]).Count);
    }

    [Fact]
    public async Task A_refused_batch_leaves_nothing_of_itself_in_the_cache()
    {
        await office.Storage.WriteAsync(new Dictionary<string, object> { ["guarded"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await Assert.ThrowsAnyAsync<Exception>(() => office.Storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new PocoItem { Id = "new" },
            ["guarded"] = new PocoStoreItem { Id = "1", Count = 2, ETag = "stale" },
        }));

        Assert.Empty(await office.Storage.ReadAsync(["fresh"]));
        Assert.Equal(1, ((PocoStoreItem)(await office.Storage.ReadAsync(["guarded"]))["guarded"]).Count);
    }

    [Fact]
    public void The_least_recently_used_document_leaves_first()
    {
        // Each reading of the clock a second later, so that recency never ties.
        using var cache = new StateCache(Options.Create(new StateOptions { CachedDocuments = 2 }), new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });
        cache.Set(new StoredState("a", "{}", null));
        cache.Set(new StoredState("b", "{}", null));
        Assert.NotNull(cache.Find("a"));

        cache.Set(new StoredState("c", "{}", null));

        Assert.Null(cache.Find("b"));
        Assert.NotNull(cache.Find("a"));
        Assert.NotNull(cache.Find("c"));
        Assert.Equal(2, cache.Count);
    }

    public void Dispose() => office.Dispose();
}
