using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>The real host on a test server, with its own database file that is deleted afterwards.</summary>
public class OneStopBotFactory : WebApplicationFactory<Program>
{
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
