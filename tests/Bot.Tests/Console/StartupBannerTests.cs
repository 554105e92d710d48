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
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "OneStopBot.Bot.dll"), "--urls", $"http://127.0.0.1:{port}", "--Storage:DatabasePath", Path.Combine(directory, "onestop.db") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        try
        {
            using var process = System.Diagnostics.Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains($"127.0.0.1:{port}", line);
            Assert.DoesNotContain("   at ", await output);
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
