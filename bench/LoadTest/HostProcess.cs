using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OneStopBot.LoadTest;

/// <summary>A host started as a child process on a free loopback port, with its CPU time read from /proc.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    // A bot opening a large archive on a busy machine takes more than a minute to listen.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly Process process;

    private HostProcess(string name, Process process, Uri endpoint)
    {
        Name = name;
        this.process = process;
        Endpoint = endpoint;
    }

    public string Name { get; }

    public Uri Endpoint { get; }

    /// <summary>What each virtual user (by number) says before the resident's usual conversation; nothing by default.</summary>
    public Func<int, IReadOnlyList<string>> Opening { get; private init; } = _ => [];

    public static async Task<HostProcess> StartAsync(string name, string assembly, IEnumerable<string> arguments, Func<int, IReadOnlyList<string>>? opening = null)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{name}: {assembly} is missing; build with `dotnet build -c Release` first.", assembly);
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.ArgumentList.Add("--Telemetry:Exporter=None");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        // Drain the output so a chatty host never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[{name}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(name, process, new Uri($"http://127.0.0.1:{port}/api/messages")) { Opening = opening ?? (_ => []) };
        try
        {
            await host.WaitUntilListeningAsync(port);
        }
        catch
        {
            // A host that never listened is not left running behind the load test.
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    // Linux's USER_HZ; 100 on every distribution the project runs on.
    private const int ClockTicksPerSecond = 100;

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited at start with code {process.ExitCode}.");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{Name} was not listening after {StartTimeout.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
