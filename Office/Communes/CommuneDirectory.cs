using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Communes;

/// <summary>
/// The communes this deployment serves, found by slug, by host name or by a dossier code's agency code. Each way is
/// indexed once at start, so finding a turn's or a request's commune costs the same with 94 communes as with one.
/// </summary>
public sealed class CommuneDirectory
{
    private readonly IReadOnlyList<Commune> communes;
    private readonly FrozenDictionary<string, Commune> byId;
    private readonly FrozenDictionary<string, Commune> byHost;
    private readonly FrozenDictionary<string, Commune> byZaloOa;

    // The agency codes' lengths, longest first, and the communes by agency code: one probe per length.
    private readonly int[] agencyLengths;
    private readonly FrozenDictionary<string, Commune> byAgency;

    public CommuneDirectory(IOptions<CommunesOptions> options)
    {
        communes = [.. options.Value.Communes];
        // The first of two with one key wins, as a search in configured order found it (start-up refuses such lists).
        byId = communes.DistinctBy(c => c.Id, StringComparer.Ordinal).ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        byHost = communes.SelectMany(c => c.HostNames.Select(h => (Host: h, Commune: c)))
            .DistinctBy(x => x.Host, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(x => x.Host, x => x.Commune, StringComparer.OrdinalIgnoreCase);
        byZaloOa = communes.Where(c => !string.IsNullOrEmpty(c.Office.ZaloOaId)).DistinctBy(c => c.Office.ZaloOaId, StringComparer.Ordinal)
            .ToFrozenDictionary(c => c.Office.ZaloOaId, StringComparer.Ordinal);
        byAgency = communes.Where(c => c.Office.AgencyCode.Length > 0).DistinctBy(c => c.Office.AgencyCode, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(c => c.Office.AgencyCode, StringComparer.OrdinalIgnoreCase);
        agencyLengths = [.. byAgency.Keys.Select(code => code.Length).Distinct().OrderDescending()];
    }

    /// <summary>Every commune, in configured order.</summary>
    public IReadOnlyList<Commune> All => communes;

    /// <summary>True when the deployment serves one commune only (no <c>Communes</c> list, or a list of one).</summary>
    public bool IsSingle => communes.Count == 1;

    /// <summary>The one commune of a one-commune deployment; null when it serves several.</summary>
    public Commune? Single => IsSingle ? communes[0] : null;

    public Commune? Find(string? id) => id is not null && byId.TryGetValue(id, out var commune) ? commune : null;

    /// <summary>The commune whose own Zalo Official Account <paramref name="oaId"/> is; null for a shared OA or none.</summary>
    public Commune? ByZaloOa(string? oaId) =>
        !string.IsNullOrEmpty(oaId) && byZaloOa.TryGetValue(oaId, out var commune) ? commune : null;

    /// <summary>The commune whose own host name <paramref name="host"/> is (without the port).</summary>
    public Commune? ByHost(string? host) =>
        !string.IsNullOrEmpty(host) && byHost.TryGetValue(host, out var commune) ? commune : null;

    /// <summary>The commune a dossier code belongs to, by the agency code it starts with.</summary>
    public Commune? ByDossierCode(string? code)
    {
        if (code is null)
        {
            return null;
        }
        // The longest agency code first, so that one code being the start of another cannot take its dossiers.
        foreach (var length in agencyLengths)
        {
            if (code.Length > length && byAgency.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code.AsSpan(0, length), out var commune) && commune.Owns(code))
            {
                return commune;
            }
        }
        return null;
    }
}
