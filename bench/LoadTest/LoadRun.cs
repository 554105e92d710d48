using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OneStopBot.LoadTest;

/// <summary>One measurement: requests per second, latency percentiles and the host's CPU per request.</summary>
internal sealed record RunResult(string Host, int Concurrency, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms, double CpuMicrosPerRequest);

/// <summary>
/// A closed loop: each virtual user is one conversation that sends the next message as soon as the last answer
/// came (deliveryMode expectReplies, so every answer is in the HTTP response). Requests in the warm-up are not counted.
/// </summary>
internal static class LoadRun
{
    public static async Task<RunResult> RunAsync(HostProcess host, string name, int concurrency, LoadOptions options, string runId, TimeProvider time)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        var measuring = false;
        var stop = false;
        var latencies = new List<double>[concurrency];
        var errors = new int[concurrency];
        var users = Enumerable.Range(0, concurrency).Select(async user =>
        {
            latencies[user] = [];
            var opening = host.Opening(user);
            var turn = 0;
            while (!Volatile.Read(ref stop))
            {
                var text = MessageAt(opening, turn);
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, host.Endpoint, $"{runId}-{user}", turn++, text, time);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (Volatile.Read(ref measuring))
                {
                    latencies[user].Add(elapsed);
                    errors[user] += ok ? 0 : 1;
                }
            }
        }).ToList();

        await Task.Delay(options.Warmup);
        var cpuBefore = host.CpuTime();
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(options.Duration);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = host.CpuTime() - cpuBefore;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(users);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var requests = all.Length;
        return new RunResult(
            name,
            concurrency,
            requests,
            errors.Sum(),
            requests / seconds,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            requests == 0 ? 0 : cpu.TotalMicroseconds / requests);
    }

    /// <summary>
    /// Unmeasured load in windows of a few seconds until the host's CPU per request stops falling (two windows within
    /// 5%, after at least half a minute: early on it can stay high for a while), or <see cref="LoadOptions.Settle"/> has
    /// passed: the runtime recompiles hot code in the background for tens of seconds after start, and a run measured
    /// meanwhile pays for it. Returns how long it took, and the first and last window's CPU per request.
    /// </summary>
    public static async Task<(TimeSpan Took, double FirstCpu, double LastCpu)> SettleAsync(HostProcess host, LoadOptions options, TimeProvider time)
    {
        const int concurrency = 10;
        const double steady = 0.05;
        var atLeast = TimeSpan.FromSeconds(30);
        var window = options with { Warmup = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(5) };
        var took = TimeSpan.Zero;
        double? first = null;
        double? last = null;
        while (took < options.Settle)
        {
            var result = await RunAsync(host, host.Name, concurrency, window, $"settle{took.TotalSeconds:0}", time);
            took += window.Duration;
            first ??= result.CpuMicrosPerRequest;
            if (took >= atLeast && last is { } previous && Math.Abs(result.CpuMicrosPerRequest - previous) <= steady * previous)
            {
                return (took, first.Value, result.CpuMicrosPerRequest);
            }
            last = result.CpuMicrosPerRequest;
        }
        return (took, first ?? 0, last ?? 0);
    }

    /// <summary>
    /// The whole conversation, a few times over, unmeasured: every kind of turn has run once before anything is
    /// counted, so the first measured run pays for no first reads and first compilation.
    /// </summary>
    public static async Task PrimeAsync(HostProcess host, TimeProvider time)
    {
        const int rounds = 3;
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var opening = host.Opening(0);
        for (var turn = 0; turn < opening.Count + rounds * ResidentMessages.Conversation.Count; turn++)
        {
            if (!await SendAsync(client, host.Endpoint, "prime", turn, MessageAt(opening, turn), time))
            {
                throw new InvalidOperationException($"{host.Name} did not answer message {turn + 1} of its first conversation.");
            }
        }
    }

    // The user's opening first, then the resident's conversation over and over.
    private static string MessageAt(IReadOnlyList<string> opening, int turn) =>
        turn < opening.Count ? opening[turn] : ResidentMessages.Conversation[(turn - opening.Count) % ResidentMessages.Conversation.Count];

    private static async Task<bool> SendAsync(HttpClient client, Uri endpoint, string conversation, int turn, string text, TimeProvider time)
    {
        var activity = new
        {
            type = "message",
            id = $"{conversation}-{turn}",
            timestamp = time.GetUtcNow(),
            channelId = "emulator",
            serviceUrl = "http://127.0.0.1:9/",
            deliveryMode = "expectReplies",
            locale = "vi-VN",
            from = new { id = $"user-{conversation}", name = "Người dân" },
            recipient = new { id = "bot", name = "OneStopBot" },
            conversation = new { id = conversation },
            text,
        };
        using var content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(endpoint, content);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && body.Contains("\"activities\"", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
