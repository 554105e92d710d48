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

/// <summary>
/// An archive as years of a busy office leave it: about 270 dossiers a day back from today, nearly all finished
/// long ago, the last weeks' still moving, so that the open ones are as few as a real office has.
/// </summary>
internal static class ArchiveBuilder
{
    private static readonly (string Id, int Days)[] Procedures = [("khai-sinh", 0), ("chung-thuc-ban-sao", 0), ("xac-nhan-hon-nhan", 3), ("thuong-tru", 7), ("xac-nhan-khuyet-tat", 25)];

    public static void Fill(LiteDB.ILiteCollection<Dossier> dossiers, WorkingCalendar calendar, string agency, int count)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        const int PerDay = 270;
        var batch = new List<Dossier>(10_000);
        for (var i = 0; i < count; i++)
        {
            var daysAgo = (count - 1 - i) / PerDay;
            var day = calendar.Today.AddDays(-daysAgo);
            var received = calendar.StartOf(day).AddMinutes(random.Next(7 * 60, 17 * 60));
            if (received > now)
            {
                received = now.AddMinutes(-random.Next(1, 600));
            }
            var (procedure, workingDays) = Procedures[random.Next(Procedures.Length)];
            var due = calendar.DueDate(received, workingDays);
            var history = new List<StatusChange> { new() { At = received, Status = DossierStatus.Received, Actor = "bench" } };
            var ready = calendar.StartOf(due ?? day).AddHours(random.Next(8, 16));
            if (ready < now && random.NextDouble() < 0.97)
            {
                history.Add(new StatusChange { At = ready, Status = DossierStatus.ResultReady, Actor = "bench" });
                if (ready.AddDays(2) < now)
                {
                    history.Add(new StatusChange { At = ready.AddDays(2), Status = DossierStatus.ResultReturned, Actor = "bench" });
                }
            }
            batch.Add(new Dossier
            {
                Code = DossierCode.Format(agency, day, i % PerDay + 1),
                ProcedureId = procedure,
                ApplicantName = "Alăng Thị Hoa",
                Phone = "09" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                Village = "Thôn 1",
                Status = history[^1].Status,
                History = history,
                Submission = random.NextDouble() < 0.9 ? Submission.Online : Submission.InPerson,
                WorkingDays = workingDays,
                CreatedAt = received,
                ReceivedAt = received,
                DueDate = due,
                ReturnedAt = history[^1].Status == DossierStatus.ResultReturned ? history[^1].At : null,
            });
            if (batch.Count == batch.Capacity)
            {
                dossiers.InsertBulk(batch);
                batch.Clear();
            }
        }
        dossiers.InsertBulk(batch);
    }
}
