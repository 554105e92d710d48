namespace OneStopBot.Office.Communes;

/// <summary>
/// One commune the deployment serves: its slug (in addresses such as <c>/xa/phuoc-duc/</c> and on every record it owns),
/// its office facts, and the host names that open its web chat directly.
/// </summary>
public sealed record Commune(string Id, OfficeOptions Office, IReadOnlyList<string> HostNames)
{
    /// <summary>True when <paramref name="dossierCode"/> starts with this commune's agency code.</summary>
    public bool Owns(string? dossierCode) =>
        dossierCode is not null
        && dossierCode.Length > Office.AgencyCode.Length
        && dossierCode.StartsWith(Office.AgencyCode, StringComparison.OrdinalIgnoreCase)
        && dossierCode[Office.AgencyCode.Length] is '-' or '.';
}
