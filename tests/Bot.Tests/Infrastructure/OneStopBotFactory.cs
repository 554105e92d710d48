using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>The real host on a test server, with its own database file that is deleted afterwards.</summary>
public class OneStopBotFactory : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(directory, "onestop.db");

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
        if (disposing && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
