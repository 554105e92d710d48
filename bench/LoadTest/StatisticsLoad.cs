using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopBot.Benchmarks.Shared;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.LoadTest;

/// <summary>
/// Staff asking for the last month's statistics once a second, as a dashboard would, while residents chat; and the
/// archive of dossiers they are computed over, written once into the bot's database before it starts.
/// </summary>
internal sealed class StatisticsLoad(Uri botEndpoint, string apiKey, TimeProvider time) : IAsyncDisposable
{
    public const string ApiKeyArgument = "--Staff:ApiKey=";
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly List<double> latencies = [];
    private CancellationTokenSource? running;
    private Task loop = Task.CompletedTask;

    public static string NewApiKey() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>Writes <paramref name="count"/> dossiers into a new database at <paramref name="path"/>, with the repository's settings.</summary>
    public static void WriteArchive(string root, string path, int count, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = path })
            .Build();
        var services = new ServiceCollection().AddSingleton(time).AddLogging();
        services.AddOffice(configuration);
        using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<OfficeDatabase>();
        ArchiveBuilder.Fill(
            database.Collection<Dossier>(DossierStore.CollectionName),
            provider.GetRequiredService<WorkingCalendar>(),
            provider.GetRequiredService<CommuneContext>().Current,
            count,
            time);
        // The daily figures of an archive written around the stores are counted here, once, not in the bot's first call.
        var today = provider.GetRequiredService<WorkingCalendar>().Today;
        provider.GetRequiredService<OfficeStatistics>().ComputeAsync(today.AddDays(-30), today).GetAwaiter().GetResult();
    }

    /// <summary>One call, unmeasured, so that no measured call pays for start-up work.</summary>
    public async Task PrimeAsync() => (await AskAsync(CancellationToken.None)).EnsureSuccessStatusCode();

    public void Start()
    {
        running = new CancellationTokenSource();
        var token = running.Token;
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await AskAsync(token).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadFromJsonAsync<object>(token).ConfigureAwait(false);
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }, token);
    }

    /// <summary>Stops the calls; the calls made and their slowest time.</summary>
    public async Task<(int Calls, double MaxMs)> StopAsync()
    {
        running?.Cancel();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        lock (latencies)
        {
            var result = (latencies.Count, latencies.Count == 0 ? 0 : latencies.Max());
            latencies.Clear();
            return result;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        running?.Dispose();
        client.Dispose();
    }

    private async Task<HttpResponseMessage> AskAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var uri = new Uri(botEndpoint, $"/api/staff/stats?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("X-Api-Key", apiKey);
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
