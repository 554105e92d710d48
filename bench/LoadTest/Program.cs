using System.Globalization;
using System.Reflection;
using OneStopBot.LoadTest;

// Load test of /api/messages: the bot against the SDK's echo bot, both in this build's configuration, interleaved.
// `dotnet run -c Release --project bench/LoadTest` for the full run; `-- --short` for the few-second smoke run.
var options = LoadOptions.Parse(args);
var time = TimeProvider.System;
var configuration = typeof(LoadRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .Single(a => a.Key == "Configuration").Value!;
if (configuration != "Release")
{
    Console.WriteLine($"Note: a {configuration} build; run with -c Release for figures that mean something.");
}

var root = RepositoryRoot();
Console.WriteLine($"Load average before: {LoadAverage()} (on {Environment.ProcessorCount} cores; figures from a busy machine are noisy, their ratios less so)");
var data = Directory.CreateTempSubdirectory("onestop-load-");
try
{
    var database = Path.Combine(data.FullName, "onestop.db");
    var apiKey = StatisticsLoad.NewApiKey();
    if (options.Archive > 0)
    {
        Console.WriteLine($"Writing an archive of {options.Archive:N0} dossiers…");
        StatisticsLoad.WriteArchive(root, database, options.Archive, time);
    }
    await using var bot = await HostProcess.StartAsync(
        "bot",
        Path.Combine(root, "Bot", "bin", configuration, "net10.0", "OneStopBot.Bot.dll"),
        [$"--Storage:DatabasePath={database}", StatisticsLoad.ApiKeyArgument + apiKey]);
    await using var statistics = new StatisticsLoad(bot.Endpoint, apiKey, time);
    if (options.Archive > 0)
    {
        await statistics.PrimeAsync();
    }
    // The same bot serving a province: its own empty database, the communes generated, each resident in one of them.
    var province = $"bot{options.Communes}";
    await using var many = options.Communes > 1
        ? await HostProcess.StartAsync(
            province,
            Path.Combine(root, "Bot", "bin", configuration, "net10.0", "OneStopBot.Bot.dll"),
            [$"--Storage:DatabasePath={Path.Combine(data.FullName, "province.db")}", .. ProvinceConfiguration.Arguments(options.Communes)],
            user => ProvinceConfiguration.Opening(user, options.Communes))
        : null;
    await using var echo = await HostProcess.StartAsync(
        "echo",
        Path.Combine(root, "bench", "EchoBot", "bin", configuration, "net10.0", "OneStopBot.EchoBot.dll"),
        []);

    HostProcess[] hosts = many is null ? [bot, echo] : [bot, many, echo];
    foreach (var host in hosts)
    {
        await LoadRun.PrimeAsync(host, time);
    }
    foreach (var host in hosts)
    {
        if (options.Settle > TimeSpan.Zero)
        {
            var (took, first, last) = await LoadRun.SettleAsync(host, options, time);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{host.Name,-5} settled after {took.TotalSeconds:0} s of unmeasured load: cpu {first:F0} → {last:F0} µs/req"));
        }
    }
    var results = new List<RunResult>();
    for (var repeat = 0; repeat < options.Repeats; repeat++)
    {
        foreach (var concurrency in options.Concurrency)
        {
            // Alternate which host goes first, so neither always gets the warmer machine.
            (HostProcess Host, string Name)[] order = (repeat + concurrency) % 2 == 0 ? [(bot, "bot"), (echo, "echo")] : [(echo, "echo"), (bot, "bot")];
            if (many is not null)
            {
                // Right after the one-commune bot, or right before it: the two compared run side by side in time.
                order = order[0].Name == "bot" ? [order[0], (many, province), .. order[1..]] : [.. order[..^1], (many, province), order[^1]];
            }
            if (options.Archive > 0)
            {
                // First in one repeat, last in the next, so that drift over the run favours neither.
                order = repeat % 2 == 0 ? [.. order, (bot, "bot+stats")] : [(bot, "bot+stats"), .. order];
            }
            foreach (var (host, name) in order)
            {
                var withStatistics = name == "bot+stats";
                if (withStatistics)
                {
                    statistics.Start();
                }
                var result = await LoadRun.RunAsync(host, name, concurrency, options, $"r{repeat}c{concurrency}{name}", time);
                results.Add(result);
                Console.WriteLine(Row(result));
                if (withStatistics)
                {
                    var (calls, slowest) = await statistics.StopAsync();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      statistics: {calls} calls, slowest {slowest:F1} ms"));
                }
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Load average after: {LoadAverage()}");
    Console.WriteLine("Median of repeats; ratio = bot / echo (targets: req/s ratio at least 0.80 at c=10 and 100, CPU per request ratio at most 1.30)");
    Console.WriteLine("  c   bot req/s  echo req/s  ratio   bot p50/p99 ms   echo p50/p99 ms   bot cpu µs  echo cpu µs  ratio");
    foreach (var concurrency in options.Concurrency)
    {
        var b = Median(results.Where(r => r.Host == "bot" && r.Concurrency == concurrency));
        var e = Median(results.Where(r => r.Host == "echo" && r.Concurrency == concurrency));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{concurrency,3}  {b.RequestsPerSecond,10:F0}  {e.RequestsPerSecond,10:F0}  {b.RequestsPerSecond / e.RequestsPerSecond,5:F2}   {b.P50Ms,6:F2}/{b.P99Ms,-7:F2}   {e.P50Ms,6:F2}/{e.P99Ms,-7:F2}   {b.CpuMicrosPerRequest,9:F0}  {e.CpuMicrosPerRequest,11:F0}  {b.CpuMicrosPerRequest / e.CpuMicrosPerRequest,5:F2}"));
    }

    if (many is not null)
    {
        Console.WriteLine();
        Console.WriteLine($"CPU per turn with {options.Communes} communes configured / with one commune (target: at most 1.10):");
        foreach (var concurrency in options.Concurrency)
        {
            var with = Median(results.Where(r => r.Host == province && r.Concurrency == concurrency));
            var one = Median(results.Where(r => r.Host == "bot" && r.Concurrency == concurrency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{concurrency,3}  {with.CpuMicrosPerRequest,6:F0} / {one.CpuMicrosPerRequest,6:F0} µs = {with.CpuMicrosPerRequest / one.CpuMicrosPerRequest:F2}   ({with.RequestsPerSecond:F0} / {one.RequestsPerSecond:F0} req/s)"));
        }
    }

    if (options.Archive > 0)
    {
        Console.WriteLine();
        Console.WriteLine($"Chat with statistics asked every second ({options.Archive:N0} dossiers stored) / without (target: at least 0.90):");
        foreach (var concurrency in options.Concurrency)
        {
            var with = Median(results.Where(r => r.Host == "bot+stats" && r.Concurrency == concurrency));
            var without = Median(results.Where(r => r.Host == "bot" && r.Concurrency == concurrency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{concurrency,3}  {with.RequestsPerSecond,10:F0} / {without.RequestsPerSecond,10:F0} req/s = {with.RequestsPerSecond / without.RequestsPerSecond:F2}"));
        }
    }

    var failed = results.Where(r => r.Requests == 0 || r.Errors > r.Requests / 100).ToList();
    foreach (var run in failed)
    {
        Console.Error.WriteLine($"{run.Host} at c={run.Concurrency}: {run.Errors} errors in {run.Requests} requests.");
    }
    return failed.Count == 0 ? 0 : 1;
}
finally
{
    data.Delete(recursive: true);
}

static string Row(RunResult r) => string.Create(CultureInfo.InvariantCulture,
    $"{r.Host,-5} c={r.Concurrency,-3} {r.Requests,7} requests  {r.RequestsPerSecond,8:F0} req/s  p50 {r.P50Ms,6:F2} ms  p99 {r.P99Ms,7:F2} ms  cpu {r.CpuMicrosPerRequest,6:F0} µs/req  errors {r.Errors}");

static RunResult Median(IEnumerable<RunResult> runs)
{
    var sorted = runs.OrderBy(r => r.RequestsPerSecond).ToList();
    return sorted[sorted.Count / 2];
}

// The 1, 5 and 15 minute load averages of the machine, as /proc/loadavg gives them.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "OneStopBot.sln")))
        {
            return directory.FullName;
        }
    }
    throw new DirectoryNotFoundException("OneStopBot.sln not found above " + AppContext.BaseDirectory);
}
