using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Tests.Console;

public sealed class StartupBannerTests
{
    [Theory]
    [InlineData("http://[::]:3978", "", "http://localhost:3978/")]
    [InlineData("http://0.0.0.0:5000", "", "http://localhost:5000/")]
    [InlineData("http://127.0.0.1:3978", "https://motcua.example.vn/hoi-dap/", "https://motcua.example.vn/hoi-dap/")]
    public void The_banner_names_the_chat_its_direct_line_and_the_database(string address, string publicUrl, string chat)
    {
        var text = StartupBanner.Text([address], publicUrl, "/var/lib/onestop/onestop.db");

        Assert.Contains($"Chat:        {chat}\n", text.ReplaceLineEndings("\n"));
        Assert.Contains($"Direct Line: {chat}v3/directline\n", text.ReplaceLineEndings("\n"));
        Assert.EndsWith("Database:    /var/lib/onestop/onestop.db", text);
    }
}

/// <summary>The block as the console shows it when the real program starts.</summary>
public sealed class StartupBlockTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-banner", Guid.NewGuid().ToString("N"));

    public StartupBlockTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task The_block_is_printed_whole_after_the_start_and_the_hosts_own_start_lines_are_not_repeated()
    {
        await using var host = await OneStopBot.Bot.Tests.Crash.HostProcess.StartAsync(folder, new Dictionary<string, string> { ["Storage:DatabasePath"] = Path.Combine(folder, "onestop.db") });

        var lines = host.RecentOutput.Split(Environment.NewLine).ToList();
        var first = lines.FindIndex(line => line.StartsWith("OneStopBot is running", StringComparison.Ordinal));

        Assert.True(first >= 0, host.RecentOutput);
        Assert.Equal(
            [$"  Chat:        {host.Address}", $"  Direct Line: {host.Address}v3/directline", $"  Database:    {Path.Combine(folder, "onestop.db")}"],
            lines.Skip(first + 1).Take(3));
        Assert.DoesNotContain(lines, line => line.Contains(StartupBanner.LifetimeCategory, StringComparison.Ordinal) || line.Contains("Now listening on", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>The real program in its own process, as someone starting a second copy would see it.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task A_port_already_in_use_gives_one_line_and_exit_code_1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var directory = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var exited = await OneStopBot.Bot.Tests.Crash.HostProcess.RunToExitAsync(
                AppContext.BaseDirectory, "--urls", $"http://127.0.0.1:{port}", "--Storage:DatabasePath", Path.Combine(directory, "onestop.db"));

            Assert.Equal(1, exited.Code);
            var line = Assert.Single(exited.ErrorLines);
            Assert.Contains($"127.0.0.1:{port}", line);
            Assert.DoesNotContain("   at ", exited.Output);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
