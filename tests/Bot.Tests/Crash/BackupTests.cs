using System.Net;
using System.Net.Http.Json;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>
/// Backups while the bot runs: one process alone opens the database, the host writes the copy, a taken name gets a
/// suffix, the copy holds whole transactions, and the verb says what went wrong.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-backup", Guid.NewGuid().ToString("N"));
    private readonly StaffApiFactory factory = new();

    public BackupTests() => Directory.CreateDirectory(folder);

    // The host answers with the file's name only; the file is in the backups folder beside the database.
    private string Written(BackupWritten? answer) => Path.Combine(BackupVerbs.Folder(factory.DatabasePath), answer!.File);

    public void Dispose()
    {
        factory.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_backups_in_the_same_second_are_both_written_the_second_with_a_suffix()
    {
        using var client = factory.CreateStaffClient();

        using var first = await client.PostAsync("/api/staff/backup", null);
        using var second = await client.PostAsync("/api/staff/backup", null);
        using var third = await client.PostAsync("/api/staff/backup", null);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], [first.StatusCode, second.StatusCode, third.StatusCode]);
        var files = new List<string>();
        foreach (var response in new[] { first, second, third })
        {
            files.Add(Written(await response.Content.ReadFromJsonAsync<BackupWritten>()));
        }
        var expected = BackupVerbs.DefaultTarget(factory.DatabasePath, factory.Time.GetUtcNow());
        Assert.Equal([expected, expected.Replace(".db", "-1.db", StringComparison.Ordinal), expected.Replace(".db", "-2.db", StringComparison.Ordinal)], files);
        Assert.All(files, file => Assert.Null(OfficeDatabase.FileProblem(file)));
    }

    [Fact]
    public async Task Backups_taken_while_dossiers_are_filed_hold_whole_filings_and_the_last_restores_every_dossier()
    {
        using var client = factory.CreateStaffClient();
        var store = factory.Services.GetRequiredService<DossierDesk>();
        // The filing goes on until at least 100 dossiers and 3 backups, so that the backups overlap the filing on any machine.
        using var threeTaken = new CountdownEvent(3);
        var writer = Task.Run(async () =>
        {
            var count = 0;
            while (count < 100 || !threeTaken.IsSet)
            {
                await store.ReceiveAsync(DatabaseHealthTests.Draft(), "desk");
                count++;
            }
            return count;
        });
        var during = new List<string>();
        while (!writer.IsCompleted)
        {
            using var response = await client.PostAsync("/api/staff/backup", null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            during.Add(Written(await response.Content.ReadFromJsonAsync<BackupWritten>()));
            if (!threeTaken.IsSet)
            {
                threeTaken.Signal();
            }
        }
        var filed = await writer;
        using var last = await client.PostAsync("/api/staff/backup", null);
        var lastFile = Written(await last.Content.ReadFromJsonAsync<BackupWritten>());

        // A dossier and the day's counter are written in one transaction: every copy has as many of one as the other.
        Assert.InRange(during.Count, 3, int.MaxValue);
        Assert.All(during.Append(lastFile), file =>
        {
            var (dossiers, counted) = Count(file);
            Assert.Equal(counted, dossiers);
        });
        var restoredPath = Path.Combine(folder, "restored.db");
        Assert.Equal(0, await BackupVerbs.RestoreAsync(Settings(restoredPath), [lastFile]));
        Assert.Equal((filed, filed), Count(restoredPath));
    }

    [Fact]
    public async Task No_second_process_opens_a_database_in_use_and_a_verb_says_so_in_one_line()
    {
        var path = Path.Combine(folder, "live.db");
        using var live = new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = path }), []);
        live.Collection<Dossier>(DossierStore.CollectionName).Insert(new Dossier
        {
            Code = "x", ProcedureId = "khai-sinh", ApplicantName = "A", Phone = "0912345678", Village = "V", History = [],
        });
        var logBefore = await File.ReadAllBytesAsync(OfficeDatabase.LogFileOf(path));

        Assert.Throws<DatabaseInUseException>(() => new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = path }), []));
        var exited = await HostProcess.RunToExitAsync(folder, "seed-demo", "--Storage:DatabasePath=" + path);

        Assert.Equal(2, exited.Code);
        var line = Assert.Single(exited.ErrorLines);
        Assert.Contains($"The database {path} is in use by another process", line, StringComparison.Ordinal);
        // The other process did not replay or truncate the live file's log.
        Assert.Equal(logBefore, await File.ReadAllBytesAsync(OfficeDatabase.LogFileOf(path)));
        Assert.Null(live.HealthProblem());
    }

    [Fact]
    public async Task The_backup_verb_has_the_running_host_write_the_copy_and_moves_it_to_the_name_given()
    {
        _ = factory.Server;
        var target = Path.Combine(folder, "nightly.db");
        await File.WriteAllBytesAsync(target, [1]);
        var (code, output, error) = await BackupVerbAsync(StaffApiFactory.ApiKey, target);

        Assert.Equal((0, string.Empty), (code, error));
        var written = Path.Combine(folder, "nightly-1.db");
        Assert.Equal($"Backup written by the running bot: {written}", output.Trim());
        Assert.Null(OfficeDatabase.FileProblem(written));
    }

    [Theory]
    [InlineData("", "set Staff:ApiKey")]
    [InlineData("wrong-key", "the staff API key was refused")]
    public async Task The_backup_verb_says_what_is_wrong_with_the_key(string key, string expected)
    {
        _ = factory.Server;
        var (code, _, error) = await BackupVerbAsync(key, Path.Combine(folder, "b.db"));

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "b.db")));
    }

    [Fact]
    public async Task The_backup_verb_names_an_unreachable_bot_not_the_key()
    {
        _ = factory.Server;
        var configuration = Settings(factory.DatabasePath, StaffApiFactory.ApiKey, urls: "http://127.0.0.1:9");
        using var error = new StringWriter();

        var code = await BackupVerbs.BackupAsync(configuration, [], new SocketsHttpHandler(), TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Contains("no bot answers at http://127.0.0.1:9", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Staff:ApiKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_verb_writes_the_copy_itself_when_no_bot_runs()
    {
        var path = Path.Combine(folder, "idle.db");
        new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = path }), []).Dispose();
        using var output = new StringWriter();

        var code = await BackupVerbs.BackupAsync(Settings(path), [Path.Combine(folder, "copy.db")], new SocketsHttpHandler(), output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Equal($"Backup written: {Path.Combine(folder, "copy.db")}", output.ToString().Trim());
        Assert.False(OfficeDatabase.InUse(path));
    }

    private async Task<(int Code, string Output, string Error)> BackupVerbAsync(string key, string target)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BackupVerbs.BackupAsync(Settings(factory.DatabasePath, key, urls: "http://localhost"), [target], factory.Server.CreateHandler(), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static IConfiguration Settings(string databasePath, string? key = null, string? urls = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath, ["Staff:ApiKey"] = key, ["Urls"] = urls,
        }).Build();

    // Dossiers in the file, and the numbers the day counters have given out.
    private static (int Dossiers, int Counted) Count(string file)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct, ReadOnly = true });
        return (database.GetCollection(DossierStore.CollectionName).Count(),
            database.GetCollection(DossierStore.CountersCollectionName).FindAll().Sum(counter => counter["Last"].AsInt32));
    }
}
