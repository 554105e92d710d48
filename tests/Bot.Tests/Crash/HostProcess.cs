using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>
/// The host as built (<c>dotnet OneStopBot.Bot.dll</c>) in a child process of its own, on a loopback port, so that a
/// test can kill it with SIGKILL as a power cut would and start it again over the same database file.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneStopBot.Bot.dll"));
        start.ArgumentList.Add("--urls=" + address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        // Drained so that a full pipe never blocks the host.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, address);
        await host.WaitUntilHealthyAsync();
        return host;
    }

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

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} before answering.");
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
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The host did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
