using System.Diagnostics;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Tests.Hosting;

/// <summary>
/// deploy/'s systemd units against what the host is: the assembly they start, where the database and its backups go,
/// what the service may write. deploy/try-install.sh runs them for real; these checks cost no publish.
/// </summary>
public sealed class ServiceUnitTests
{
    private static readonly string Deploy = Path.Combine(AppContext.BaseDirectory, "deploy");

    private static Dictionary<string, List<string>> Unit(string name) =>
        File.ReadLines(Path.Combine(Deploy, name))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => (Key: line[..line.IndexOf('=', StringComparison.Ordinal)], Value: line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Value).ToList());

    private static string Setting(Dictionary<string, List<string>> unit, string key) =>
        unit["Environment"].Single(value => value.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    [Fact]
    public void The_service_starts_the_host_assembly_from_the_current_release_with_its_data_outside_the_binaries()
    {
        var service = Unit("onestopbot.service");

        var assembly = typeof(Program).Assembly.GetName().Name + ".dll";
        Assert.Equal($"/usr/bin/dotnet /opt/onestopbot/current/{assembly}", Assert.Single(service["ExecStart"]));
        // The build output is the publish layout: the assembly at the top, beside appsettings.json.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, assembly)));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

        var data = Assert.Single(service["ReadWritePaths"]);
        var database = Setting(service, "Storage__DatabasePath");
        Assert.Equal(data, Path.GetDirectoryName(database));
        Assert.Equal(data, Assert.Single(service["WorkingDirectory"]));
        Assert.False(database.StartsWith("/opt/", StringComparison.Ordinal));
        Assert.Equal(["strict"], service["ProtectSystem"]);
        Assert.Equal(["on-failure"], service["Restart"]);
        Assert.Equal(["onestopbot"], service["User"]);
    }

    [Fact]
    public void The_backup_service_sees_what_the_service_sees_and_prunes_the_folder_backups_go_to()
    {
        var service = Unit("onestopbot.service");
        var backup = Unit("onestopbot-backup.service");

        // The same database, settings, secrets (the staff API key) and user: it finds the running host and its key.
        Assert.Equal(service["Environment"], backup["Environment"]);
        Assert.Equal(service["EnvironmentFile"], backup["EnvironmentFile"]);
        Assert.Equal(service["User"], backup["User"]);
        Assert.Equal(service["ReadWritePaths"], backup["ReadWritePaths"]);
        Assert.Equal(service["ExecStart"].Single() + " backup", Assert.Single(backup["ExecStart"]));
        var backups = Path.GetDirectoryName(BackupVerbs.DefaultTarget(Setting(service, "Storage__DatabasePath"), DateTimeOffset.UnixEpoch))!;
        Assert.StartsWith($"/usr/bin/find {backups} ", Assert.Single(backup["ExecStartPost"]), StringComparison.Ordinal);
        // A timer starts the service of its own name, nightly, and makes up a night the server was off.
        var timer = Unit("onestopbot-backup.timer");
        Assert.Equal(["*-*-* 23:30:00"], timer["OnCalendar"]);
        Assert.Equal(["true"], timer["Persistent"]);
    }

    [Fact]
    public void The_settings_folder_the_service_reads_is_where_the_install_writes_them()
    {
        var contentRoot = Setting(Unit("onestopbot.service"), "DOTNET_CONTENTROOT");
        var install = File.ReadAllText(Path.Combine(Deploy, "install.sh"));

        Assert.Contains($"etc=\"${{root%/}}{contentRoot}\"", install, StringComparison.Ordinal);
        Assert.Contains("\"$etc/appsettings.Production.json\"", install, StringComparison.Ordinal);
        Assert.Contains($"EnvironmentFile=-{contentRoot}/onestopbot.env", File.ReadAllText(Path.Combine(Deploy, "onestopbot.service")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Systemd_finds_nothing_wrong_in_the_units()
    {
        Skip.IfNot(File.Exists("/usr/bin/systemd-analyze"), "systemd-analyze is not installed.");
        var start = new ProcessStartInfo("/usr/bin/systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var item in new[] { "verify", "onestopbot.service", "onestopbot-backup.service", "onestopbot-backup.timer" })
        {
            start.ArgumentList.Add(item == "verify" ? item : Path.Combine(Deploy, item));
        }
        using var process = Process.Start(start)!;
        var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal((0, string.Empty), (process.ExitCode, said.Trim()));
    }
}
