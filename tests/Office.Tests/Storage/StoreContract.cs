using Microsoft.Extensions.Time.Testing;
using OneStopBot.Office.Tests.Notices;

namespace OneStopBot.Office.Tests.Storage;

/// <summary>A storage engine under test: the office's stores, reached through their interfaces, and its clock.</summary>
public interface IStoreEngine : IDisposable
{
    T Get<T>() where T : notnull;

    FakeTimeProvider Time { get; }
}

/// <summary>The LiteDB engine: the office's services over a database file of their own.</summary>
public sealed class LiteDbStores : IStoreEngine
{
    private readonly NoticeTestHost host = new();

    public FakeTimeProvider Time => host.Time;

    public T Get<T>() where T : notnull => host.Get<T>();

    public void Dispose() => host.Dispose();
}

/// <summary>
/// The base of the stores' contract tests: each contract is written against the interfaces only, so a second storage
/// engine passes the same tests by deriving them with its own <see cref="IStoreEngine"/>.
/// </summary>
public abstract class StoreContract<TEngine> : IDisposable
    where TEngine : IStoreEngine, new()
{
    private readonly TEngine engine = new();

    protected FakeTimeProvider Time => engine.Time;

    protected T Get<T>() where T : notnull => engine.Get<T>();

    public void Dispose()
    {
        engine.Dispose();
        GC.SuppressFinalize(this);
    }
}
