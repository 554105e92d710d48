using Npgsql;

namespace OneStopBot.Office.Storage.PostgreSql;

/// <summary>
/// A unit of work on PostgreSQL: one connection and one transaction, committed when the work completes. A unit begun
/// inside another on the same database joins it (the outer unit commits), so a write and whatever else the caller keeps
/// with it (its audit, later its outbox rows) commit together.
/// </summary>
public sealed class PostgresUnitOfWork(PostgresDatabase database) : IUnitOfWork
{
    // The unit the current async flow is inside, per database: two databases (two hosts in one test) never share one.
    private static readonly AsyncLocal<PostgresWork?> Current = new();

    public async Task<T> RunAsync<T>(Func<OfficeWork, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Current.Value is { } outer && outer.Database == database)
        {
            return await work(outer);
        }
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var unit = new PostgresWork(database, connection, transaction, cancellationToken);
        var before = Current.Value;
        Current.Value = unit;
        try
        {
            var result = await work(unit);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            Current.Value = before;
        }
    }
}

/// <summary>The connection and transaction of one <see cref="PostgresUnitOfWork"/>.</summary>
public sealed class PostgresWork(PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellation)
    : OfficeWork(cancellation)
{
    internal PostgresDatabase Database { get; } = database;

    /// <summary>A command of this unit's transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    /// <summary>A batch of this unit's transaction: its commands go in one round trip.</summary>
    public NpgsqlBatch Batch() => new(connection, transaction);

    /// <summary>The unit's own work, as each engine's records receive it.</summary>
    public static PostgresWork Of(OfficeWork work) =>
        work as PostgresWork ?? throw new InvalidOperationException("PostgreSQL records were given work of another engine.");
}
