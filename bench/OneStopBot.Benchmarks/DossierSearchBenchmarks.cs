using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Benchmarks.Shared;

namespace OneStopBot.Benchmarks;

/// <summary>
/// The workspace's dossier list over archives of 100,000 and 1,000,000 dossiers, against the baseline of looking one
/// dossier up by its code: the first page and a page deep in the list (keyset: both should cost the same), the last 4
/// digits of a phone (an index), a name (read newest first, at most <see cref="DossierSearch.MaxScanned"/> a page), a
/// status filter, and Today. Uses the statistics benchmarks' archive folder.
/// </summary>
[MemoryDiagnoser]
public class DossierSearchBenchmarks
{
    private Microsoft.Extensions.Hosting.IHost? host;
    private DossierSearch? search;
    private string code = string.Empty;
    private string tail = string.Empty;
    private int deep;

    [Params(100_000, 1_000_000)]
    public int Dossiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
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
        var last = dossiers.Query().OrderByDescending(d => d.Id).Limit(1).Single();
        code = last.Code;
        tail = last.Phone[^4..];
        deep = last.Id - (Dossiers * 9 / 10);
        search = host.Services.GetRequiredService<DossierSearch>();
    }

    [GlobalCleanup]
    public void Cleanup() => host?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<Dossier?> LookupByCode() => host!.Services.GetRequiredService<IDossierStore>().FindAsync(code);

    [Benchmark]
    public DossierPage FirstPage() => search!.Find(new DossierQuery());

    [Benchmark]
    public DossierPage PageNinetyPercentDeep() => search!.Find(new DossierQuery(Before: deep));

    [Benchmark]
    public DossierPage PhoneTail() => search!.Find(new DossierQuery(Text: tail));

    [Benchmark]
    public DossierPage NameNobodyHas() => search!.Find(new DossierQuery(Text: "khong ai co ten nay"));

    [Benchmark]
    public DossierPage StatusFilter() => search!.Find(new DossierQuery(Status: DossierStatus.SupplementRequested));

    [Benchmark]
    public DossiersToday Today() => search!.Today();
}
