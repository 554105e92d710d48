using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Benchmarks.Shared;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Storage.PostgreSql;

namespace OneStopBot.Benchmarks;

/// <summary>
/// A province of 94 communes and 1,000,000 dossiers spread over them (with their residents' ratings), against one
/// commune served alone with its share of the dossiers (the baseline of each group, same run): a commune's month
/// statistics (target under 50 ms), the province's side-by-side figures of every commune (under 500 ms), and a lookup
/// by code (under 5 ms); the same province on PostgreSQL beside them (<c>ONESTOP_BENCH_POSTGRES</c>, a maintenance
/// connection string, or the test cluster of <c>build/test-postgres</c>). The size comes from <c>ONESTOP_BENCH_DOSSIERS</c> (default 1,000,000): a small one checks the
/// benchmark works. Both databases are built once per run, in a temporary folder removed at exit.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CommuneBenchmarks
{
    private ProvinceArchive archive = null!;

    [GlobalSetup]
    public void Setup() => archive = ProvinceArchive.Shared.Value;

    [Benchmark(Baseline = true), BenchmarkCategory("month")]
    public Task<PeriodStatistics> OneCommuneMonth() => archive.Single.Services.GetRequiredService<OfficeStatistics>().ComputeAsync(archive.MonthStart, archive.Today);

    [Benchmark, BenchmarkCategory("month")]
    public async Task<PeriodStatistics> CommuneOfProvinceMonth()
    {
        using var scope = archive.Enter(archive.OneOfMany);
        return await archive.Province.Services.GetRequiredService<OfficeStatistics>().ComputeAsync(archive.MonthStart, archive.Today);
    }

    [Benchmark, BenchmarkCategory("month")]
    public Task<IReadOnlyList<CommuneStatistics>> ProvinceSideBySide() =>
        archive.Province.Services.GetRequiredService<OfficeStatistics>().ComputeEachAsync(archive.MonthStart, archive.Today);

    [Benchmark, BenchmarkCategory("month")]
    public async Task<PeriodStatistics> PostgresCommuneOfProvinceMonth()
    {
        var postgres = PostgresProvince.Shared.Value;
        using var scope = postgres.Enter(archive.OneOfMany);
        return await postgres.Host.Services.GetRequiredService<OfficeStatistics>().ComputeAsync(archive.MonthStart, archive.Today);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("code")]
    public Task<Dossier?> OneCommuneLookupByCode() => archive.Single.Services.GetRequiredService<IDossierStore>().FindAsync(archive.SingleCode);

    [Benchmark, BenchmarkCategory("code")]
    public async Task<Dossier?> CommuneOfProvinceLookupByCode()
    {
        // As a resident's status lookup does: the code's agency code says whose dossier it is.
        var services = archive.Province.Services;
        using var scope = archive.Enter(services.GetRequiredService<CommuneDirectory>().ByDossierCode(archive.ProvinceCode)!);
        return await services.GetRequiredService<IDossierStore>().FindAsync(archive.ProvinceCode);
    }

    [Benchmark, BenchmarkCategory("code")]
    public async Task<Dossier?> PostgresCommuneOfProvinceLookupByCode()
    {
        var postgres = PostgresProvince.Shared.Value;
        var services = postgres.Host.Services;
        using var scope = postgres.Enter(services.GetRequiredService<CommuneDirectory>().ByDossierCode(archive.ProvinceCode)!);
        return await services.GetRequiredService<IDossierStore>().FindAsync(archive.ProvinceCode);
    }
}

/// <summary>
/// <see cref="ProvinceArchive"/>'s province on PostgreSQL: the same dossiers of the same 94 communes, written with binary
/// COPY into a database of its own (dropped at exit), then analysed, as a database moved in would be.
/// </summary>
internal sealed class PostgresProvince : IDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=onestop;Database=postgres";

    private readonly string server;
    private readonly string name = "onestop_bench_" + Guid.NewGuid().ToString("N");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-bench", "postgres-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresDatabase database;

    private PostgresProvince()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        server = Environment.GetEnvironmentVariable("ONESTOP_BENCH_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;
        Admin($"create database {name}");
        database = new PostgresDatabase(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);
        database.Migrate();
        Host = BenchHost.Start(Path.Combine(folder, "province.db"), ProvinceArchive.ProvinceSettings(), services =>
        {
            services.AddSingleton(database);
            services.AddPostgresDossiers();
        });
        var calendar = Host.Services.GetRequiredService<WorkingCalendar>();
        var time = Host.Services.GetRequiredService<TimeProvider>();
        var records = Host.Services.GetRequiredService<PostgresDossierRecords>();
        var perCommune = ProvinceArchive.Dossiers / ProvinceArchive.Communes;
        foreach (var commune in Host.Services.GetRequiredService<CommuneDirectory>().All)
        {
            records.CopyInAsync(ArchiveBuilder.Dossiers(calendar, commune, perCommune, time, ProvinceArchive.PerDay), CancellationToken.None).GetAwaiter().GetResult();
        }
        using (var analyse = database.DataSource.CreateCommand("analyze"))
        {
            analyse.ExecuteNonQuery();
        }
        Console.WriteLine($"// {ProvinceArchive.Dossiers:N0} dossiers in {ProvinceArchive.Communes} communes on PostgreSQL, copied in {System.Diagnostics.Stopwatch.GetElapsedTime(started):mm\\:ss}");
    }

    public static Lazy<PostgresProvince> Shared { get; } = new(() =>
    {
        var province = new PostgresProvince();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => province.Dispose();
        return province;
    });

    public Microsoft.Extensions.Hosting.IHost Host { get; }

    public CommuneContext.Scope Enter(Commune commune) => Host.Services.GetRequiredService<CommuneContext>().Enter(commune);

    public void Dispose()
    {
        Host.Dispose();
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Admin($"drop database if exists {name} with (force)");
        Directory.Delete(folder, recursive: true);
    }

    private void Admin(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(server);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// The two databases of <see cref="CommuneBenchmarks"/>, built once per process (every benchmark of the class runs in
/// it): each commune's dossiers as an import of the provincial system's export leaves them, written in bulk (filing a
/// million one by one, or importing them with their audit, takes an hour on a shared machine), their daily figures
/// counted by the office on first use as for a database moved in, and a fifth of the returned dossiers rated.
/// </summary>
internal sealed class ProvinceArchive : IDisposable
{
    public const int Communes = 94;

    /// <summary>Dossiers a day in one commune: the province's million spread over about three years.</summary>
    public const int PerDay = 10;

    private readonly string folder;

    private ProvinceArchive()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        folder = Path.Combine(Path.GetTempPath(), "onestop-bench", "province-" + Guid.NewGuid().ToString("N"));
        var perCommune = Dossiers / Communes;
        Province = BenchHost.Start(Path.Combine(folder, "province.db"), ProvinceSettings());
        var communes = Province.Services.GetRequiredService<CommuneDirectory>().All;
        // The middle commune: neither the first nor the last in any index.
        OneOfMany = communes[Communes / 2];
        foreach (var commune in communes)
        {
            Fill(Province, commune, perCommune);
        }
        // The same commune served alone, with the same share: what one commune costs without the other 93.
        Single = BenchHost.Start(Path.Combine(folder, "commune.db"), ProvinceSettings().Where(s => s.Key.StartsWith($"Communes:{Communes / 2}:", StringComparison.Ordinal))
            .Select(s => KeyValuePair.Create("Communes:0:" + s.Key[$"Communes:{Communes / 2}:".Length..], s.Value)));
        var alone = Single.Services.GetRequiredService<CommuneDirectory>().All[0];
        Fill(Single, alone, perCommune);
        SingleCode = LastCode(Single, alone);
        ProvinceCode = LastCode(Province, OneOfMany);
        Today = Single.Services.GetRequiredService<WorkingCalendar>().Today;
        MonthStart = Today.AddDays(-30);
        // The office counts the daily figures of dossiers written around its stores on first use, as for a database
        // moved in; measured calls find them kept.
        Single.Services.GetRequiredService<OfficeStatistics>().ComputeAsync(MonthStart, Today).GetAwaiter().GetResult();
        Province.Services.GetRequiredService<OfficeStatistics>().ComputeEachAsync(MonthStart, Today).GetAwaiter().GetResult();
        Console.WriteLine($"// {Dossiers:N0} dossiers in {Communes} communes, {perCommune:N0} in the one commune served alone, built in {System.Diagnostics.Stopwatch.GetElapsedTime(started):mm\\:ss}; {folder}");
    }

    public static Lazy<ProvinceArchive> Shared { get; } = new(() =>
    {
        var archive = new ProvinceArchive();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => archive.Dispose();
        return archive;
    });

    public static int Dossiers =>
        int.TryParse(Environment.GetEnvironmentVariable("ONESTOP_BENCH_DOSSIERS"), CultureInfo.InvariantCulture, out var size) && size >= Communes
            ? size : 1_000_000;

    public Microsoft.Extensions.Hosting.IHost Province { get; }

    public Microsoft.Extensions.Hosting.IHost Single { get; }

    public Commune OneOfMany { get; }

    public string SingleCode { get; }

    public string ProvinceCode { get; }

    public DateOnly Today { get; }

    public DateOnly MonthStart { get; }

    public CommuneContext.Scope Enter(Commune commune) => Province.Services.GetRequiredService<CommuneContext>().Enter(commune);

    public void Dispose()
    {
        Province.Dispose();
        Single.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>94 sample communes, each with its own slug, name and agency code, sharing the province's Office facts.</summary>
    public static List<KeyValuePair<string, string?>> ProvinceSettings()
    {
        var settings = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < Communes; i++)
        {
            settings.Add(new($"Communes:{i}:Id", $"xa-mau-{i + 1}"));
            settings.Add(new($"Communes:{i}:CommuneName", $"xã Mẫu {i + 1}"));
            settings.Add(new($"Communes:{i}:AgencyCode", $"000.{i + 1:D2}.30.H49"));
        }
        return settings;
    }

    private static void Fill(Microsoft.Extensions.Hosting.IHost host, Commune commune, int count)
    {
        var services = host.Services;
        var calendar = services.GetRequiredService<WorkingCalendar>();
        var time = services.GetRequiredService<TimeProvider>();
        var database = services.GetRequiredService<OfficeDatabase>();
        ArchiveBuilder.Fill(database.Collection<Dossier>(DossierStore.CollectionName), calendar, commune, count, time, PerDay);
        // A fifth of the returned dossiers rated an hour after their return, as the rating dialog stores them.
        var random = new Random(7);
        var ratings = ArchiveBuilder.Rows(calendar, commune, count, PerDay, time)
            .Where(row => row.History[^1].Status == DossierStatus.ResultReturned && random.NextDouble() < 0.2)
            .Select(row => row.History[^1].At.AddHours(1) is var at ? new Rating
            {
                Commune = commune.Id,
                DossierCode = row.Code,
                ChannelId = "zalo",
                UserId = "u" + row.Valid.Phone,
                Score = random.NextDouble() < 0.9 ? Satisfaction.Satisfied : Satisfaction.Neutral,
                RatedAt = at,
                Day = DateOnly.FromDateTime(at.ToOffset(RatingStore.OfficeOffset).DateTime),
            } : null!);
        database.Collection<Rating>(RatingStore.CollectionName).InsertBulk(ratings);
    }

    private static string LastCode(Microsoft.Extensions.Hosting.IHost host, Commune commune) =>
        host.Services.GetRequiredService<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName)
            .In(commune.Id).OrderByDescending("_id").Limit(1).Single().Code;
}
