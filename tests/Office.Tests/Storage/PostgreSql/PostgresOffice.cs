using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Office.Storage.PostgreSql;

namespace OneStopBot.Office.Tests.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL engine for the contract tests: the office configured by the shipped appsettings.json, as
/// <see cref="LiteDbOffice"/>, with its dossiers, figures and audit on a database of its own on the test cluster.
/// </summary>
public sealed class PostgresOffice : IStoreEngine
{
    private readonly PostgresTestDatabase database = new();
    private readonly TestOffice office;
    private readonly List<(TestOffice Office, PostgresDatabase Database)> others = [];

    public PostgresOffice() => office = Open(database.Database);

    /// <summary>Another host on the same database: its own services, data source and connections, the same rows.</summary>
    public TestOffice OpenAnother()
    {
        var another = database.OpenAnother();
        var host = Open(another);
        others.Add((host, another));
        return host;
    }

    public FakeTimeProvider Time => office.Time;

    public T Get<T>() where T : notnull => office.Get<T>();

    public void Dispose()
    {
        foreach (var (host, another) in others)
        {
            host.Dispose();
            another.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        office.Dispose();
        database.Dispose();
    }

    private static TestOffice Open(PostgresDatabase postgres) => new(services: services =>
    {
        services.AddSingleton(postgres);
        services.AddPostgresDossiers();
    });
}
