using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.WebChat;

namespace OneStopBot.Bot.Hosting;

/// <summary>What the console shows once the host listens, and the one line it stops with when the port is taken.</summary>
public static class StartupBanner
{
    /// <summary>
    /// The host's own "failed to start" log would repeat the port error as a stack trace; the one line says it. Its
    /// "Now listening on", "Application started" lines say what the banner says, as log lines printed after it.
    /// </summary>
    public static void QuietStartFailures(WebApplicationBuilder builder) =>
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical)
            .AddFilter(LifetimeCategory, LogLevel.Warning);

    /// <summary>The category of the host's start and stop messages.</summary>
    public const string LifetimeCategory = "Microsoft.Hosting.Lifetime";

    /// <summary>Starts the host; a port already in use is one clear line and exit code 1, not a stack trace.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            Console.Error.WriteLine($"{exception.Message} Another program (or a second OneStopBot) uses that port: stop it, or start with --urls http://localhost:<other port>.");
            return 1;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var page = app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.PublicUrl;
        // One write to the console's synchronised writer, where the console logger writes each entry whole: no log line lands inside the block.
        Console.Out.Write(Environment.NewLine + Text(addresses, page, DatabaseStartCheck.DatabasePath(app.Configuration)) + Environment.NewLine + Environment.NewLine);
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The chat's address (the public one when set), its Direct Line endpoint and the database file.</summary>
    public static string Text(IEnumerable<string> addresses, string publicUrl, string databasePath)
    {
        var chat = publicUrl.Length > 0 ? publicUrl : Browsable(addresses.FirstOrDefault() ?? "http://localhost:3978");
        var root = chat.EndsWith('/') ? chat : chat + "/";
        return $"""
            OneStopBot is running (Ctrl+C to stop).
              Chat:        {root}
              Direct Line: {root}{DirectLineEndpoints.BasePath.TrimStart('/')}
              Database:    {databasePath}
            """;
    }

    /// <summary>"http://[::]:3978" listens everywhere; a browser on this machine opens it as localhost.</summary>
    private static string Browsable(string address) =>
        address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
}
