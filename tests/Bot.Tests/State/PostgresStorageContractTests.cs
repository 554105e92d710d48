using Microsoft.Bot.Builder;
using OneStopBot.Bot.State;
using OneStopBot.Office.Tests.Storage.PostgreSql;

namespace OneStopBot.Bot.Tests.State;

/// <summary>One database for the class; every test starts from an empty state table.</summary>
public sealed class PostgresStateDatabase : IDisposable
{
    public PostgresTestDatabase Server { get; } = new();

    public void Dispose() => Server.Dispose();
}

public sealed class PostgresStorageContractTests : DatabaseStorageContractTests, IClassFixture<PostgresStateDatabase>
{
    private readonly PostgresTestDatabase server;

    public PostgresStorageContractTests(PostgresStateDatabase database)
    {
        server = database.Server;
        server.Execute("truncate bot_state");
        Storage = new PostgresStorage(server.Database);
    }

    protected override IStorage Storage { get; }

    [Fact]
    public async Task Another_host_reads_what_one_wrote_and_its_stale_etag_is_refused()
    {
        await using var otherDatabase = server.OpenAnother();
        var other = new PostgresStorage(otherDatabase);
        await Storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new PocoStoreItem { Id = "Pa Lai", Count = 1 } });

        var seen = (PocoStoreItem)(await other.ReadAsync(["conversation"]))["conversation"];
        Assert.Equal(("Pa Lai", 1), (seen.Id, seen.Count));

        var mine = (PocoStoreItem)(await Storage.ReadAsync(["conversation"]))["conversation"];
        mine.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = mine });
        seen.Count = 3;
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.WriteAsync(new Dictionary<string, object> { ["conversation"] = seen }));
        Assert.Equal(2, ((PocoStoreItem)(await other.ReadAsync(["conversation"]))["conversation"]).Count);
    }

    [Fact]
    public async Task Of_many_hosts_writing_over_one_etag_at_once_exactly_one_wins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["turn"] = new PocoStoreItem { Id = "t", Count = 0 } });
        var etag = ((PocoStoreItem)(await Storage.ReadAsync(["turn"]))["turn"]).ETag;
        var hosts = Enumerable.Range(0, 8).Select(_ => server.OpenAnother()).ToList();

        var outcomes = await Task.WhenAll(hosts.Select((host, i) => Task.Run(async () =>
        {
            try
            {
                await new PostgresStorage(host).WriteAsync(new Dictionary<string, object> { ["turn"] = new PocoStoreItem { Id = "t", Count = i + 1, ETag = etag } });
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        })));
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        Assert.Single(outcomes, won => won);
        var winner = Array.IndexOf(outcomes, true) + 1;
        Assert.Equal(winner, ((PocoStoreItem)(await Storage.ReadAsync(["turn"]))["turn"]).Count);
    }

    [Theory]
    [InlineData("System.IO.FileInfo, System.IO.FileSystem")]
    [InlineData("System.Diagnostics.Process, System.Diagnostics.Process")]
    public async Task A_tampered_row_naming_another_type_is_refused(string type)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Id = "x" } });
        server.Execute($$"""update bot_state set json = '{"$type":"{{type}}","FileName":"/etc/passwd"}' where key = 'state'""");

        await Assert.ThrowsAsync<Newtonsoft.Json.JsonSerializationException>(() => Storage.ReadAsync(["state"]));
    }

    [Fact]
    public async Task The_schema_is_applied_once_however_many_hosts_start_together()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => server.OpenAnother()).ToList();

        await Task.WhenAll(hosts.Select(host => Task.Run(host.Migrate)));
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await Storage.WriteAsync(new Dictionary<string, object> { ["after"] = new PocoItem { Id = "still works" } });
        Assert.Single(await Storage.ReadAsync(["after"]));
    }
}
