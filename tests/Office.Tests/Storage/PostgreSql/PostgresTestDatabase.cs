using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OneStopBot.Office.Storage.PostgreSql;

namespace OneStopBot.Office.Tests.Storage.PostgreSql;

/// <summary>
/// A database of its own on the throw-away test cluster (<c>build/test-postgres</c>; the connection string of its
/// maintenance database in ONESTOP_TEST_POSTGRES when it is elsewhere), with the schema applied, dropped at the end.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable, IDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=onestop;Database=postgres";

    private readonly string server;
    private readonly string name = "onestop_test_" + Guid.NewGuid().ToString("N");

    public PostgresTestDatabase()
    {
        server = Environment.GetEnvironmentVariable("ONESTOP_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;
        try
        {
            Admin($"create database {name}");
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new InvalidOperationException($"The test PostgreSQL server at {server} does not answer; start it with build/test-postgres ({e.Message}).", e);
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        Database = new PostgresDatabase(ConnectionString, NullLogger<PostgresDatabase>.Instance);
        Database.Migrate();
    }

    public string ConnectionString { get; }

    /// <summary>The database as one host opens it; <see cref="OpenAnother"/> opens it as another host does.</summary>
    public PostgresDatabase Database { get; }

    public PostgresDatabase OpenAnother() => new(ConnectionString, NullLogger<PostgresDatabase>.Instance);

    /// <summary>Runs <paramref name="sql"/> on the test database, outside any store.</summary>
    public void Execute(string sql)
    {
        using var command = Database.DataSource.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Admin($"drop database if exists {name} with (force)");
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
