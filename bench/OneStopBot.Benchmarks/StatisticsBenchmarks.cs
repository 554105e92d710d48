using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Staff;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Benchmarks.Shared;

namespace OneStopBot.Benchmarks;

/// <summary>
/// The office's figures for the last month over archives of 100,000 and 1,000,000 dossiers (targets at 1,000,000:
/// under 50 ms and 20 MB a call), against the baseline of looking one dossier up by its code (target: under 5 ms,
/// flat with size). The archives are built once and kept in the temporary folder between runs (one folder per checkout).
/// </summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private Microsoft.Extensions.Hosting.IHost? host;
    private string code = string.Empty;
    private DateOnly monthStart;
    private DateOnly today;

    [Params(100_000, 1_000_000)]
    public int Dossiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // One folder per checkout: two checkouts of different versions never open (and re-index) each other's archive.
        var checkout = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(AppContext.BaseDirectory)))[..8];
        var path = Path.Combine(Path.GetTempPath(), "onestop-bench", checkout, $"archive-{Dossiers}.db");
        host = BenchHost.Start(path);
        var database = host.Services.GetRequiredService<OfficeDatabase>();
        var calendar = host.Services.GetRequiredService<WorkingCalendar>();
        var commune = host.Services.GetRequiredService<CommuneContext>().Current;
        var dossiers = database.Collection<Dossier>(DossierStore.CollectionName);
        if (dossiers.Count() < Dossiers)
        {
            dossiers.DeleteAll();
            ArchiveBuilder.Fill(dossiers, calendar, commune, Dossiers, host.Services.GetRequiredService<TimeProvider>());
        }
        today = calendar.Today;
        monthStart = today.AddDays(-30);
        code = dossiers.Query().OrderByDescending(d => d.Id).Limit(1).Single().Code;
        // The first call counts the daily figures of an archive written without them; measured calls find them kept.
        host.Services.GetRequiredService<OfficeStatistics>().ComputeAsync(monthStart, today).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => host?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<Dossier?> LookupByCode() => host!.Services.GetRequiredService<IDossierStore>().FindAsync(code);

    [Benchmark]
    public Task<PeriodStatistics> LastMonth() => host!.Services.GetRequiredService<OfficeStatistics>().ComputeAsync(monthStart, today);
}

/// <summary>
/// A CSV of 5,000 rows imported in one call (target: at least 10,000 rows/s), against the floor LiteDB sets: the same
/// dossiers written with InsertBulk into the same indexed collection, in transactions of the import's batch size, with
/// no parsing, checks, audit or daily figures.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Rows = DossierImport.MaxRows;
    private Microsoft.Extensions.Hosting.IHost? host;
    private string directory = string.Empty;
    private string csv = string.Empty;
    private Dossier[] dossiers = [];

    [IterationSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "onestop-bench", Guid.NewGuid().ToString("N"));
        host = BenchHost.Start(Path.Combine(directory, "onestop.db"));
        var options = host.Services.GetRequiredService<IOptions<OfficeOptions>>().Value;
        var calendar = host.Services.GetRequiredService<WorkingCalendar>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lines = new StringBuilder("code,procedure,name,phone,village,status,received date\n");
        dossiers = new Dossier[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var day = new DateOnly(2026, 11, 2).AddDays(i / 250);
            var code = DossierCode.Format(options.AgencyCode, day, i % 250 + 1);
            var phone = $"09{i:D8}";
            var village = options.Villages[i % options.Villages.Count];
            lines.Append(CultureInfo.InvariantCulture, $"{code},khai-sinh,Alăng Thị Hoa,{phone},{village},received,{day:d/M/yyyy} 08:15\n");
            var received = calendar.StartOf(day).AddHours(8.25);
            dossiers[i] = new Dossier
            {
                Code = code, ProcedureId = "khai-sinh", ApplicantName = "Alăng Thị Hoa", Phone = phone, Village = village,
                Status = DossierStatus.Received, Submission = Submission.InPerson, CreatedAt = now, ReceivedAt = received,
                History = [new StatusChange { At = received, Status = DossierStatus.Received, Actor = "bench", Note = ImportWording.ImportedNote }],
            };
        }
        csv = lines.ToString();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        host?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public int BareInsertBulk()
    {
        var database = host!.Services.GetRequiredService<OfficeDatabase>();
        var collection = database.Collection<Dossier>(DossierStore.CollectionName);
        return dossiers.Chunk(DossierImport.BatchSize).Sum(batch => database.InTransaction(() => collection.InsertBulk(batch)));
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<int> Import()
    {
        var report = await host!.Services.GetRequiredService<DossierImport>().ImportAsync(new StringReader(csv), "bench", ImportWording.ImportedNote);
        return report.Imported == Rows ? report.Imported : throw new InvalidOperationException($"{report.Imported} of {Rows} rows imported.");
    }
}

/// <summary>The bot's services over one database file, without the web host.</summary>
internal static class BenchHost
{
    public static Microsoft.Extensions.Hosting.IHost Start(
        string databasePath, IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? services = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddOneStopBot();
        services?.Invoke(builder.Services);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder.Build();
    }
}

