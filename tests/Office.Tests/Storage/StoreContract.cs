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

/// <summary>The LiteDB engine configured by the shipped appsettings.json, on Thursday 26/11/2026 09:00 in Vietnam.</summary>
public sealed class LiteDbOffice : IStoreEngine
{
    private readonly TestOffice office = new();

    public FakeTimeProvider Time => office.Time;

    public T Get<T>() where T : notnull => office.Get<T>();

    public void Dispose() => office.Dispose();
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
