namespace OneStopBot.Office;

/// <summary>Configuration section <c>Office</c>: the facts about the commune's one-stop office.</summary>
public sealed class OfficeOptions
{
    public const string Section = "Office";

    /// <summary>Agency code that starts every dossier code (Circular 01/2018/TT-VPCP, art. 19).</summary>
    public string AgencyCode { get; set; } = "000.32.30.H49";

    public string CommuneName { get; set; } = string.Empty;

    public string OfficeName { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string WorkingHours { get; set; } = string.Empty;

    public List<string> Villages { get; set; } = [];
}
