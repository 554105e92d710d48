using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real host on a test server, with its own database file that is deleted afterwards. Unless a test names its own
/// procedures folder, the host is given the shipped catalog, understanding and index loaded once for the whole process
/// (<see cref="ShippedKnowledge"/>): loading them is the Knowledge tests' subject, and each host loading them again cost a
/// second of CPU and tens of megabytes.
/// </summary>
public class OneStopBotFactory : WebApplicationFactory<Program>
{
    private const string ProceduresPathSetting = "Knowledge:ProceduresPath";

    private readonly string directory;
    private readonly bool ownsDirectory;

    public OneStopBotFactory()
        : this(Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N")), ownsDirectory: true)
    {
    }

    private OneStopBotFactory(string directory, bool ownsDirectory)
    {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
    }

    public string DatabasePath => Path.Combine(directory, "onestop.db");

    /// <summary>Another host over the same database file, as after a restart; the first one's folder stays its owner's.</summary>
    public OneStopBotFactory Restarted() => new(directory, ownsDirectory: false);

    /// <summary>Extra settings, applied over appsettings.json as command-line arguments would be.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DatabasePath", DatabasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (!Settings.ContainsKey(ProceduresPathSetting))
        {
            builder.ConfigureTestServices(services => services.UseShippedKnowledge());
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDirectory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
