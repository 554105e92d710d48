using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.Zalo;
using OneStopBot.Office.Notices;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>
/// The outbox's promise under a power cut: the host, run as its own process over a real database file, is killed
/// with SIGKILL in the middle of a broadcast to Zalo subscribers (a fake Zalo API counts what arrives), then started
/// again. Nothing may be lost, and at most the sends in flight at the kill (the worker's concurrency) may repeat.
/// </summary>
[Trait("Category", "Long")]
public sealed class BroadcastKillTests(ITestOutputHelper output) : IDisposable
{
    // Four kills spread over the broadcast (after 30, 70, 110 and 150 sends): each run starts the host twice.
    private const int Runs = 4;
    private const int Subscribers = 200;
    private const int Concurrency = 4;
    private const string ApiKey = "kill-test-key";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-kill", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_broadcast_killed_mid_way_loses_nothing_and_repeats_at_most_the_sends_in_flight()
    {
        var results = new List<(int Received, int Lost, int Duplicated)>();
        for (var run = 1; run <= Runs; run++)
        {
            var result = await RunOnceAsync(run);
            output.WriteLine($"run {run}: received before the kill {result.Received}, lost {result.Lost}, duplicated {result.Duplicated}");
            results.Add(result);
        }
        output.WriteLine($"total over {Runs} runs: lost {results.Sum(r => r.Lost)}, duplicated {results.Sum(r => r.Duplicated)} (at most {Concurrency} per run allowed)");

        Assert.All(results, r => Assert.Equal(0, r.Lost));
        Assert.All(results, r => Assert.InRange(r.Duplicated, 0, Concurrency));
        // The kill really fell in the middle of the broadcast.
        Assert.All(results, r => Assert.InRange(r.Received, 1, Subscribers - 1));
    }

    private async Task<(int Received, int Lost, int Duplicated)> RunOnceAsync(int run)
    {
        var directory = Path.Combine(folder, run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, "onestop.db");
        using var api = new FakeZaloApi();
        api.AnswerAfter(TimeSpan.FromMilliseconds(5));
        var users = Seed(databasePath, api.Url);
        var settings = Settings(databasePath, api.Url);

        int received;
        await using (var host = await HostProcess.StartAsync(directory, settings))
        {
            using var client = StaffClient(host);
            using var broadcast = await client.PostAsJsonAsync("api/staff/notices", new { text = "Họp thôn lúc 8 giờ sáng thứ Hai.", village = (string?)null });
            Assert.Equal(HttpStatusCode.Accepted, broadcast.StatusCode);
            var threshold = 30 + ((run - 1) * 40);
            await host.WaitUntilAsync(() => api.Sent.Count >= threshold, "the broadcast to begin");
            await host.KillAsync();
            received = api.Sent.Count;
        }

        await using (var restarted = await HostProcess.StartAsync(directory, settings))
        {
            await restarted.WaitUntilAsync(() => api.Sent.Select(m => m.UserId).Distinct().Count() >= Subscribers, "every subscriber to get the notice");
            using var client = StaffClient(restarted);
            // The notice's own count agrees once the rows are marked.
            await restarted.WaitUntilAsync(async () => (await client.GetFromJsonAsync<JsonElement>("api/staff/notices/1")).GetProperty("pending").GetInt32() == 0, "the notice to finish");
        }

        var perUser = api.Sent.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Count());
        var lost = users.Count(u => !perUser.ContainsKey(u));
        var duplicated = perUser.Values.Sum(n => n - 1);
        return (received, lost, duplicated);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Zalo subscribers written into the database file before the host starts.</summary>
    private static List<string> Seed(string databasePath, string apiUrl)
    {
        using var provider = HostProcess.OfficeServices(databasePath);
        var subscriptions = provider.GetRequiredService<SubscriptionStore>();
        var users = Enumerable.Range(1, Subscribers).Select(i => $"30000000000{i:D5}").ToList();
        foreach (var user in users)
        {
            subscriptions.Subscribe(new ChatAddress("zalo", user, user) { ServiceUrl = apiUrl, BotId = ZaloTestHost.OaId }, village: null);
        }
        return users;
    }

    /// <summary>The host on <paramref name="databasePath"/> with Zalo pointed at a fake API, fast enough for a kill to find work in flight.</summary>
    internal static Dictionary<string, string> Settings(string databasePath, string apiUrl) => new()
    {
        ["Storage:DatabasePath"] = databasePath,
        ["Staff:ApiKey"] = ApiKey,
        ["Zalo:AppId"] = ZaloTestHost.AppId,
        ["Zalo:OaSecretKey"] = ZaloTestHost.OaSecretKey,
        ["Zalo:AppSecret"] = ZaloTestHost.AppSecret,
        ["Zalo:AccessToken"] = ZaloTestHost.AccessToken,
        ["Zalo:RefreshToken"] = ZaloTestHost.RefreshToken,
        ["Zalo:ApiBaseUrl"] = apiUrl,
        ["Zalo:OAuthBaseUrl"] = apiUrl,
        ["Zalo:RateLimit:RequestsPerMinute"] = "60000",
        ["Zalo:RateLimit:Burst"] = "1000",
        ["Outbox:RateLimits:zalo"] = "200",
        ["Outbox:MaxConcurrency"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A send that fails on a starved machine is tried again within the wait, not 30 s later; its warning is in the
        // host's output that a timeout prints.
        ["Outbox:RetryDelay"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static HttpClient StaffClient(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }
}
