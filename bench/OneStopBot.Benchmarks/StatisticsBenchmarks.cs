using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Hosting;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Benchmarks.Shared;

namespace OneStopBot.Benchmarks;

/// <summary>
/// The office's figures for the last month over archives of 100,000 and 1,000,000 dossiers (targets at 1,000,000:
/// under 50 ms and 20 MB a call), against the baseline of looking one dossier up by its code (target: under 5 ms,
/// flat with size). The archives are built once and kept in the temporary folder between runs.
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
        var path = Path.Combine(Path.GetTempPath(), "onestop-bench", $"archive-{Dossiers}.db");
        host = BenchHost.Start(path);
        var database = host.Services.GetRequiredService<OfficeDatabase>();
        var calendar = host.Services.GetRequiredService<WorkingCalendar>();
        var agency = host.Services.GetRequiredService<IOptions<OfficeOptions>>().Value.AgencyCode;
        var dossiers = database.Collection<Dossier>(DossierStore.CollectionName);
        if (dossiers.Count() < Dossiers)
        {
            dossiers.DeleteAll();
            ArchiveBuilder.Fill(dossiers, calendar, agency, Dossiers);
        }
        today = calendar.Today;
        monthStart = today.AddDays(-30);
        code = dossiers.Query().OrderByDescending(d => d.Id).Limit(1).Single().Code;
        // The first call counts the daily figures of an archive written without them; measured calls find them kept.
        host.Services.GetRequiredService<OfficeStatistics>().Compute(monthStart, today);
    }

    [GlobalCleanup]
    public void Cleanup() => host?.Dispose();

    [Benchmark(Baseline = true)]
    public Dossier? LookupByCode() => host!.Services.GetRequiredService<DossierStore>().Find(code);

    [Benchmark]
    public PeriodStatistics LastMonth() => host!.Services.GetRequiredService<OfficeStatistics>().Compute(monthStart, today);
}

/// <summary>A CSV of 5,000 rows imported in one call (target: at least 10,000 rows/s), against parsing the same rows' codes.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Rows = DossierImport.MaxRows;
    private Microsoft.Extensions.Hosting.IHost? host;
    private string directory = string.Empty;
    private string csv = string.Empty;
    private string[] codes = [];
    private string agency = string.Empty;

    [IterationSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "onestop-bench", Guid.NewGuid().ToString("N"));
        host = BenchHost.Start(Path.Combine(directory, "onestop.db"));
        var options = host.Services.GetRequiredService<IOptions<OfficeOptions>>().Value;
        agency = options.AgencyCode;
        var lines = new StringBuilder("code,procedure,name,phone,village,status,received date\n");
        codes = new string[Rows];
        for (var i = 0; i < Rows; i++)
        {
            codes[i] = DossierCode.Format(agency, new DateOnly(2026, 11, 2).AddDays(i / 250), i % 250 + 1);
            lines.Append(CultureInfo.InvariantCulture,
                $"{codes[i]},khai-sinh,Alăng Thị Hoa,09{i:D8},{options.Villages[i % options.Villages.Count]},received,{2 + i / 250}/11/2026 08:15\n");
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
    public int ParseCodes() => codes.Count(c => DossierCode.TryNormalize(c, agency, out _));

    [Benchmark(OperationsPerInvoke = Rows)]
    public int Import()
    {
        var report = host!.Services.GetRequiredService<DossierImport>().Import(new StringReader(csv), "bench");
        return report.Imported == Rows ? report.Imported : throw new InvalidOperationException($"{report.Imported} of {Rows} rows imported.");
    }
}

/// <summary>The bot's services over one database file, without the web host.</summary>
internal static class BenchHost
{
    public static Microsoft.Extensions.Hosting.IHost Start(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddOneStopBot();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath });
        return builder.Build();
    }
}

