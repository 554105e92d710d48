using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests;

/// <summary>
/// The office services over a fresh database file in a temporary folder, configured by the shipped appsettings.json,
/// with a fake clock.
/// </summary>
public sealed class TestOffice : IDisposable
{
    /// <summary>Thursday 26/11/2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly ServiceProvider provider;
    private readonly string folder;
    private bool ownsFolder = true;

    public TestOffice(DateTimeOffset? start = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
        : this(CreateFolder(), start, settings, services)
    {
    }

    private TestOffice(string folder, DateTimeOffset? start, IDictionary<string, string?>? settings, Action<IServiceCollection>? configure)
    {
        this.folder = folder;
        Time = new FakeTimeProvider(start ?? DefaultStart);
        DatabasePath = Path.Combine(folder, "office.db");
        Configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddOffice(Configuration);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public IConfiguration Configuration { get; }

    public string DatabasePath { get; }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>Runs <paramref name="work"/> acting for the commune with slug <paramref name="commune"/>, as an edge does.</summary>
    public T In<T>(string commune, Func<T> work)
    {
        using var scope = Get<CommuneContext>().Enter(commune) ?? throw new ArgumentException($"No commune {commune} is configured.", nameof(commune));
        return work();
    }

    /// <summary>The same for work that waits.</summary>
    public async Task<T> InAsync<T>(string commune, Func<Task<T>> work)
    {
        using var scope = Get<CommuneContext>().Enter(commune) ?? throw new ArgumentException($"No commune {commune} is configured.", nameof(commune));
        return await work();
    }

    /// <summary>The same for work that waits and gives nothing back.</summary>
    public Task InAsync(string commune, Func<Task> work) => InAsync(commune, async () =>
    {
        await work();
        return 0;
    });

    /// <summary>Closes the database and opens the same file again in a new set of services, as a restart does.</summary>
    public TestOffice Reopen(Action<IServiceCollection>? services = null)
    {
        provider.Dispose();
        ownsFolder = false;
        return new TestOffice(folder, Time.GetUtcNow(), null, services);
    }

    public void Dispose()
    {
        provider.Dispose();
        if (ownsFolder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CreateFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "onestopbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
