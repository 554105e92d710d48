using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>A damaged database is noticed, never made worse; backups are taken while the host runs and put back.</summary>
public sealed class DatabaseHealthTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-health", Guid.NewGuid().ToString("N"));

    public DatabaseHealthTests() => Directory.CreateDirectory(folder);

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    public async Task A_damaged_file_stops_the_host_with_one_clear_line_and_is_left_unchanged(string damage)
    {
        var path = await DamagedDatabaseAsync(damage);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));

        var exited = await HostProcess.RunToExitAsync(folder, "--urls=http://127.0.0.1:0", "--Storage:DatabasePath=" + path);

        Assert.Equal(2, exited.Code);
        var line = Assert.Single(exited.ErrorLines);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains("Restore the last backup", line, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(path)));
        Assert.False(File.Exists(OfficeDatabase.LogFileOf(path)));
    }

    [Fact]
    public async Task Healthz_reads_the_database_and_a_backup_is_taken_while_the_host_runs_then_restored()
    {
        using var factory = new StaffApiFactory();
        using var client = factory.CreateStaffClient();
        using (var health = await client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        var store = factory.Services.GetRequiredService<DossierDesk>();
        var kept = await store.ReceiveAsync(Draft(), "desk");

        using var backup = await client.PostAsync("/api/staff/backup", null);
        Assert.Equal(HttpStatusCode.Created, backup.StatusCode);
        var file = Path.Combine(BackupVerbs.Folder(factory.DatabasePath), (await backup.Content.ReadFromJsonAsync<BackupWritten>())!.File);
        Assert.Null(OfficeDatabase.FileProblem(file));
        var later = await store.ReceiveAsync(Draft(), "desk");

        // Restoring onto a database in use is refused; onto a stopped one it puts the backup back.
        var live = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = factory.DatabasePath }).Build();
        Assert.Equal(1, await BackupVerbs.RestoreAsync(live, [file]));
        Assert.Equal(later.Code, (await store.FindAsync(later.Code))!.Code);
        var copyOfLive = Path.Combine(folder, "restored.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = copyOfLive }).Build();
        await File.WriteAllBytesAsync(copyOfLive, []);
        Assert.Equal(0, await BackupVerbs.RestoreAsync(configuration, [file]));
        Assert.True(File.Exists(Directory.GetFiles(folder, "restored.db.before-restore-*").Single()));
        using var restored = new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = copyOfLive }), []);
        var codes = restored.Collection<Dossier>(DossierStore.CollectionName).FindAll().Select(d => d.Code).ToList();
        Assert.Contains(kept.Code, codes);
        Assert.DoesNotContain(later.Code, codes);
    }

    [Fact]
    public async Task A_backup_that_cannot_be_read_is_not_restored()
    {
        var damaged = await DamagedDatabaseAsync("garbage");
        var target = Path.Combine(folder, "target.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = target }).Build();

        Assert.Equal(1, await BackupVerbs.RestoreAsync(configuration, [damaged]));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_closed_database_is_reported_unhealthy()
    {
        var database = new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = Path.Combine(folder, "closed.db") }), []);
        database.Collection<Dossier>(DossierStore.CollectionName).Insert(new Dossier
        {
            Code = "x", ProcedureId = "khai-sinh", ApplicantName = "A", Phone = "0912345678", Village = "V", History = [],
        });
        Assert.Null(database.HealthProblem());
        database.Dispose();

        Assert.NotNull(database.HealthProblem());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static NewDossier Draft() =>
        new() { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0 };

    /// <summary>A real database with dossiers, then damaged the way disks and power cuts do.</summary>
    private async Task<string> DamagedDatabaseAsync(string damage)
    {
        var path = DatabaseWithDossiers.Write(Path.Combine(folder, damage + ".db"), 200, applicantName: new string('A', 500));
        var bytes = await File.ReadAllBytesAsync(path);
        switch (damage)
        {
            case "truncated":
                bytes = bytes[..(bytes.Length / 2 + 100)];
                break;
            case "flipped":
                for (var i = 0; i < bytes.Length; i += 97)
                {
                    bytes[i] ^= 0x5A;
                }
                break;
            default:
                RandomNumberGenerator.Fill(bytes);
                break;
        }
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }
}
