using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Dialogs;
using OneStopBot.Office;
using OneStopBot.Office.Channels;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>
/// The host as built (<c>dotnet OneStopBot.Bot.dll</c>) in a child process of its own, on a loopback port, so that a
/// test can kill it with SIGKILL as a power cut would and start it again over the same database file.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private const string ChatLine = "Chat:";

    private readonly Process process;
    private readonly Queue<string> lines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => this.process = process;

    /// <summary>Where the host listens, as its start-up banner says.</summary>
    public Uri Address => listening.Task.IsCompletedSuccessfully
        ? listening.Task.Result
        : throw new InvalidOperationException("The host has not said where it listens yet.");

    /// <summary>The host's last lines of output, for a failing test to show why the host did not do its part.</summary>
    public string RecentOutput
    {
        get
        {
            lock (lines)
            {
                return string.Join(Environment.NewLine, lines);
            }
        }
    }

    public static async Task<HostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneStopBot.Bot.dll"));
        // Port 0: the system picks a free port at bind time, so no other test can take it between choosing and binding.
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var host = new HostProcess(process);
        // Drained so that a full pipe never blocks the host; the last lines are kept.
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>
    /// Runs the built program (the host, or a verb when <paramref name="arguments"/> start with one) to its end, as an
    /// operator would from a shell, for the programs that are expected to stop by themselves.
    /// </summary>
    public static async Task<Exited> RunToExitAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneStopBot.Bot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The program did not start.");
        // No input: a verb that reads standard input (chat, understand) sees its end at once.
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet OneStopBot.Bot.dll {string.Join(' ', arguments)} did not stop within 2 minutes.");
        }
        return new Exited(process.ExitCode, await output, await error);
    }

    /// <summary>How a program run to its end stopped, and what it wrote.</summary>
    public sealed record Exited(int Code, string Output, string Error)
    {
        /// <summary>Standard error's non-empty lines.</summary>
        public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The office's stores over the host's database file, for a test to seed it before the host starts or to read it
    /// between runs; never while a host has the file open.
    /// </summary>
    public static ServiceProvider OfficeServices(string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath })
            .Build();
        return new ServiceCollection().AddOffice(configuration).AddNoticeFlows().AddInbox().BuildServiceProvider();
    }

    /// <summary>Polls an outside process's progress until <paramref name="done"/>, with a generous bound; on timeout the host's own log says why.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await done())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited 90 s for {what}. The host's last output:{Environment.NewLine}{RecentOutput}");
            }
            await Task.Delay(5, CancellationToken.None);
        }
    }

    public Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed by the process.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.TrimStart().StartsWith(ChatLine, StringComparison.Ordinal) && Uri.TryCreate(line.TrimStart()[ChatLine.Length..].Trim(), UriKind.Absolute, out var address))
        {
            listening.TrySetResult(address);
        }
        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > KeptLines)
            {
                lines.Dequeue();
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var exited = process.WaitForExitAsync(bound.Token);
            if (await Task.WhenAny(listening.Task, exited) != listening.Task)
            {
                throw process.HasExited
                    ? new InvalidOperationException($"The host exited with {process.ExitCode} before listening:{Environment.NewLine}{RecentOutput}")
                    : new TimeoutException($"The host did not say where it listens within 60 s:{Environment.NewLine}{RecentOutput}");
            }
            await bound.CancelAsync();
        }
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} before answering:{Environment.NewLine}{RecentOutput}");
            }
            try
            {
                using var response = await client.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The host did not become healthy within 60 s:{Environment.NewLine}{RecentOutput}");
    }
}
