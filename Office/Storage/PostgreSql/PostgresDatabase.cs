using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OneStopBot.Office.Storage.PostgreSql;

/// <summary>
/// The province's PostgreSQL database: one pooled data source for every store, and its schema brought up to date
/// by the numbered scripts in <c>Storage/PostgreSql/Migrations</c> (applied once each, in order, journaled in the
/// database itself, so several hosts starting together apply each script once).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly ILogger<PostgresDatabase> logger;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.logger = logger;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Applies the scripts not yet applied; throws with the failing script's name when one fails.</summary>
    public void Migrate()
    {
        // Hosts starting together take turns: the second finds the scripts applied.
        using var turn = new PostgresDistributedLock(new PostgresAdvisoryLockKey("onestop-schema", allowHashing: true), DataSource).Acquire();
        var upgrade = DeployChanges.To.PostgresqlDatabase(ConnectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".PostgreSql.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .WithExecutionTimeout(TimeSpan.FromMinutes(5))
            .LogTo(new Log(logger))
            .Build();
        var applied = upgrade.PerformUpgrade();
        if (!applied.Successful)
        {
            throw new InvalidOperationException($"The PostgreSQL schema could not be updated at {applied.ErrorScript?.Name}: {applied.Error?.Message}", applied.Error);
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    [SuppressMessage("Usage", "CA2254:Template should be a static expression", Justification = "DbUp's own messages are passed on as the templates DbUp wrote.")]
    private sealed class Log(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
