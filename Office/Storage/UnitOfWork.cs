namespace OneStopBot.Office.Storage;

/// <summary>
/// The transaction one unit of work runs in. The office's services pass it to each engine's records, which reach their
/// own connection through it; the office itself never looks inside.
/// </summary>
public abstract class OfficeWork
{
    protected OfficeWork(CancellationToken cancellation) => Cancellation = cancellation;

    public CancellationToken Cancellation { get; }
}

/// <summary>
/// Work on the office's records that commits whole or not at all: a dossier with its number, filing, history and
/// audit; a status change with the notices it sends. A unit begun inside another joins it, so a service that keeps
/// its writes together can be called from one that keeps more together.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Runs <paramref name="work"/> in one transaction and completes once it has committed.</summary>
    Task<T> RunAsync<T>(Func<OfficeWork, ValueTask<T>> work, CancellationToken cancellationToken);
}

/// <summary>
/// A unit of work on the LiteDB file: <see cref="OfficeDatabase.InTransaction{T}"/>, so the stores that write inside it
/// (the audit log, the outbox) join the same transaction. LiteDB's transactions belong to a thread, so no transaction
/// spans an await: the work must complete without waiting, which the LiteDB records always do, and this checks.
/// </summary>
public sealed class LiteDbUnitOfWork(OfficeDatabase database) : IUnitOfWork
{
    public Task<T> RunAsync<T>(Func<OfficeWork, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.InTransaction(() =>
        {
            var pending = work(new LiteDbWork(cancellationToken));
            if (!pending.IsCompleted)
            {
                throw new InvalidOperationException("Work on the LiteDB file waited inside its transaction: every step of it must complete at once.");
            }
            return pending.GetAwaiter().GetResult();
        }));
    }

    private sealed class LiteDbWork(CancellationToken cancellation) : OfficeWork(cancellation);
}
