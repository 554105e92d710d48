namespace OneStopBot.Office.Communes;

/// <summary>
/// The commune the current turn, request or piece of background work acts for. The edges enter it (a chat's commune,
/// a clerk's, a record's) and the stores read it, so that no query can reach across communes by forgetting a filter.
/// In a one-commune deployment that commune is always current; with several, a store used outside any commune
/// throws instead of reading or writing everyone's records.
/// </summary>
public sealed class CommuneContext(CommuneDirectory directory)
{
    // Flows with the async call chain: a turn's awaits and the work it starts see the commune it entered.
    private static readonly AsyncLocal<Commune?> Entered = new();

    /// <summary>The commune now acted for.</summary>
    /// <exception cref="NoCommuneException">Several communes are served and none was entered.</exception>
    public Commune Current => Entered.Value ?? directory.Single ?? throw new NoCommuneException();

    /// <summary>The commune now acted for, or null when several are served and none was entered.</summary>
    public Commune? CurrentOrNull => Entered.Value ?? directory.Single;

    /// <summary>Acts for <paramref name="commune"/> until the returned scope is disposed.</summary>
    public Scope Enter(Commune commune)
    {
        var outer = Entered.Value;
        Entered.Value = commune;
        return new Scope(outer);
    }

    /// <summary>Acts for the commune with slug <paramref name="id"/>; null, nothing entered, when none has it.</summary>
    public Scope? Enter(string? id) => directory.Find(id) is { } commune ? Enter(commune) : null;

    /// <summary>Runs <paramref name="work"/> once for each commune, that commune current.</summary>
    public IReadOnlyList<(Commune Commune, T Result)> ForEach<T>(Func<Commune, T> work) =>
        [.. directory.All.Select(commune =>
        {
            using var scope = Enter(commune);
            return (commune, work(commune));
        })];

    /// <summary>The same for work that waits, one commune after another, each entered while its work runs.</summary>
    public async Task<IReadOnlyList<(Commune Commune, T Result)>> ForEachAsync<T>(Func<Commune, Task<T>> work)
    {
        var results = new List<(Commune, T)>();
        foreach (var commune in directory.All)
        {
            using var scope = Enter(commune);
            results.Add((commune, await work(commune)));
        }
        return results;
    }

    /// <summary>Ends acting for a commune: the one acted for before is current again.</summary>
    public readonly struct Scope(Commune? outer) : IDisposable
    {
        public void Dispose() => Entered.Value = outer;
    }
}

/// <summary>Records were reached outside any commune in a deployment serving several: a bug at an edge, never shown to residents.</summary>
public sealed class NoCommuneException()
    : InvalidOperationException("No commune is entered: with several communes every turn, request and job must enter one before it reads or writes records.");
