using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Communes;

/// <summary>The communes this deployment serves, found by slug, by host name or by a dossier code's agency code.</summary>
public sealed class CommuneDirectory(IOptions<CommunesOptions> options)
{
    private readonly CommunesOptions communes = options.Value;

    /// <summary>Every commune, in configured order.</summary>
    public IReadOnlyList<Commune> All => communes.Communes;

    /// <summary>True when the deployment serves one commune only (no <c>Communes</c> list, or a list of one).</summary>
    public bool IsSingle => communes.Communes.Count == 1;

    /// <summary>The one commune of a one-commune deployment; null when it serves several.</summary>
    public Commune? Single => IsSingle ? communes.Communes[0] : null;

    public Commune? Find(string? id) =>
        id is null ? null : communes.Communes.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>The commune whose own host name <paramref name="host"/> is (without the port).</summary>
    public Commune? ByHost(string? host) =>
        string.IsNullOrEmpty(host) ? null
            : communes.Communes.FirstOrDefault(c => c.HostNames.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The commune a dossier code belongs to, by the agency code it starts with.</summary>
    public Commune? ByDossierCode(string? code) =>
        // The longest agency code first, so that one code being the start of another cannot take its dossiers.
        communes.Communes.OrderByDescending(c => c.Office.AgencyCode.Length).FirstOrDefault(c => c.Owns(code));
}
