using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Benchmarks.Shared;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.Benchmarks;

/// <summary>
/// A province of 94 communes with its dossiers spread over them, against the same number of dossiers in a one-commune
/// deployment (the baseline of each group, same run): a commune's month statistics (target under 50 ms at 1,000,000
/// dossiers), the province's side-by-side figures of every commune (under 500 ms), and a lookup by code (under 5 ms).
/// The size comes from <c>ONESTOP_BENCH_DOSSIERS</c> (default 1,000,000): a small one checks the benchmark works.
/// Archives are built once and kept in the temporary folder between runs (one folder per checkout and size).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CommuneBenchmarks
{
    public const int Communes = 94;

    private Microsoft.Extensions.Hosting.IHost? single;
    private Microsoft.Extensions.Hosting.IHost? province;
    private Commune? oneOfMany;
    private string singleCode = string.Empty;
    private string provinceCode = string.Empty;
    private DateOnly monthStart;
    private DateOnly today;

    public static int Dossiers =>
        int.TryParse(Environment.GetEnvironmentVariable("ONESTOP_BENCH_DOSSIERS"), CultureInfo.InvariantCulture, out var size) && size >= Communes
            ? size : 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        var checkout = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(AppContext.BaseDirectory)))[..8];
        var folder = Path.Combine(Path.GetTempPath(), "onestop-bench", checkout);
        single = BenchHost.Start(Path.Combine(folder, $"commune-1-{Dossiers}.db"));
        province = BenchHost.Start(Path.Combine(folder, $"communes-{Communes}-{Dossiers}.db"), ProvinceSettings());
        var communes = province.Services.GetRequiredService<CommuneDirectory>().All;
        singleCode = Fill(single, [single.Services.GetRequiredService<CommuneContext>().Current], Dossiers);
        // The middle commune: neither the first nor the last in any index.
        oneOfMany = communes[Communes / 2];
        Fill(province, communes, Dossiers / Communes);
        using (Enter(province, oneOfMany))
        {
            provinceCode = province.Services.GetRequiredService<DossierSearch>().Find(new DossierQuery(Text: LastPhone(province, oneOfMany))).Items[0].Code;
        }
        today = single.Services.GetRequiredService<WorkingCalendar>().Today;
        monthStart = today.AddDays(-30);
        // The first call counts the daily figures of archives written around the stores; measured calls find them kept.
        single.Services.GetRequiredService<OfficeStatistics>().Compute(monthStart, today);
        province.Services.GetRequiredService<OfficeStatistics>().ComputeEach(monthStart, today);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        single?.Dispose();
        province?.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("month")]
    public PeriodStatistics OneCommuneMonth() => single!.Services.GetRequiredService<OfficeStatistics>().Compute(monthStart, today);

    [Benchmark, BenchmarkCategory("month")]
    public PeriodStatistics CommuneOfProvinceMonth()
    {
        using var scope = Enter(province!, oneOfMany!);
        return province!.Services.GetRequiredService<OfficeStatistics>().Compute(monthStart, today);
    }

    [Benchmark, BenchmarkCategory("month")]
    public IReadOnlyList<CommuneStatistics> ProvinceSideBySide() =>
        province!.Services.GetRequiredService<OfficeStatistics>().ComputeEach(monthStart, today);

    [Benchmark(Baseline = true), BenchmarkCategory("code")]
    public Dossier? OneCommuneLookupByCode() => single!.Services.GetRequiredService<DossierStore>().Find(singleCode);

    [Benchmark, BenchmarkCategory("code")]
    public Dossier? CommuneOfProvinceLookupByCode()
    {
        // As a resident's status lookup does: the code's agency code says whose dossier it is.
        var services = province!.Services;
        using var scope = Enter(province, services.GetRequiredService<CommuneDirectory>().ByDossierCode(provinceCode)!);
        return services.GetRequiredService<DossierStore>().Find(provinceCode);
    }

    private static CommuneContext.Scope Enter(Microsoft.Extensions.Hosting.IHost host, Commune commune) =>
        host.Services.GetRequiredService<CommuneContext>().Enter(commune);

    /// <summary>94 sample communes, each with its own slug and agency code, sharing the province's Office facts.</summary>
    private static Dictionary<string, string?> ProvinceSettings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Communes; i++)
        {
            settings[$"Communes:{i}:Id"] = $"xa-mau-{i + 1}";
            settings[$"Communes:{i}:CommuneName"] = $"xã Mẫu {i + 1}";
            settings[$"Communes:{i}:AgencyCode"] = $"000.{i + 1:D2}.30.H49";
        }
        return settings;
    }

    /// <summary>Fills each commune with <paramref name="perCommune"/> dossiers unless kept from a run before; a code of the last.</summary>
    private static string Fill(Microsoft.Extensions.Hosting.IHost host, IReadOnlyList<Commune> communes, int perCommune)
    {
        var services = host.Services;
        var dossiers = services.GetRequiredService<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName);
        if (dossiers.Count() < perCommune * communes.Count)
        {
            dossiers.DeleteAll();
            foreach (var commune in communes)
            {
                ArchiveBuilder.Fill(dossiers, services.GetRequiredService<WorkingCalendar>(), commune, perCommune, services.GetRequiredService<TimeProvider>());
            }
        }
        return dossiers.Query().OrderByDescending(d => d.Id).Limit(1).Single().Code;
    }

    private static string LastPhone(Microsoft.Extensions.Hosting.IHost host, Commune commune) =>
        host.Services.GetRequiredService<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName)
            .In(commune.Id).OrderByDescending("_id").Limit(1).Single().Phone;
}
