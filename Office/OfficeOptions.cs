using System.ComponentModel.DataAnnotations;

namespace OneStopBot.Office;

/// <summary>Configuration section <c>Office</c>: the facts about the commune's one-stop office.</summary>
public sealed class OfficeOptions
{
    public const string Section = "Office";

    /// <summary>Agency code that starts every dossier code (Circular 01/2018/TT-VPCP, art. 19).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Office:AgencyCode must be set: it starts every dossier code, e.g. 000.32.30.H49.")]
    [RegularExpression(@"^[0-9A-Z]+(\.[0-9A-Z]+)*$", ErrorMessage = "Office:AgencyCode must be dot-separated groups of digits and capitals, e.g. 000.32.30.H49.")]
    public string AgencyCode { get; set; } = "000.32.30.H49";

    public string CommuneName { get; set; } = string.Empty;

    public string OfficeName { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string WorkingHours { get; set; } = string.Empty;

    public List<string> Villages { get; set; } = [];

    /// <summary>The commune's own Zalo Official Account, if it has one: a message to it is that commune's. Empty: none.</summary>
    public string ZaloOaId { get; set; } = string.Empty;

    /// <summary>The first access token of the commune's own OA; once refreshed, the one in the database is used.</summary>
    public string ZaloAccessToken { get; set; } = string.Empty;

    /// <summary>The first refresh token of the commune's own OA (single-use); later ones live in the database.</summary>
    public string ZaloRefreshToken { get; set; } = string.Empty;

    /// <summary>The office's goal for the share of dossiers filed online, in percent (65 in its reform plan).</summary>
    [Range(1, 100, ErrorMessage = "Office:OnlineGoalPercent must be a whole percent from 1 to 100, e.g. 65.")]
    public int OnlineGoalPercent { get; set; } = 65;

    /// <summary>The office's goal for the share of satisfied residents, in percent (90 in its reform plan).</summary>
    [Range(1, 100, ErrorMessage = "Office:SatisfactionGoalPercent must be a whole percent from 1 to 100, e.g. 90.")]
    public int SatisfactionGoalPercent { get; set; } = 90;

    /// <summary>The goals the figures are read against.</summary>
    public Statistics.OfficeGoals Goals => new(OnlineGoalPercent, SatisfactionGoalPercent);

    /// <summary>Key of <see cref="Handlers"/> for Công an xã.</summary>
    public const string CommunePolice = "communePolice";

    /// <summary>Key of <see cref="Handlers"/> for Ban Chỉ huy quân sự xã.</summary>
    public const string CommuneMilitary = "communeMilitary";

    /// <summary>
    /// Where and when the commune's other receivers of dossiers work, by key (<see cref="CommunePolice"/>,
    /// <see cref="CommuneMilitary"/>); the one-stop desk is <see cref="Address"/> and <see cref="WorkingHours"/>.
    /// </summary>
    public Dictionary<string, HandlerOffice> Handlers { get; set; } = [];

    /// <summary>What is missing from the configuration of <see cref="Handlers"/>; empty when every receiver has a name, a place and hours.</summary>
    public IEnumerable<string> HandlerProblems() =>
        new[] { CommunePolice, CommuneMilitary }
            .Where(key => !Handlers.TryGetValue(key, out var handler)
                || string.IsNullOrWhiteSpace(handler.Name) || string.IsNullOrWhiteSpace(handler.Place) || string.IsNullOrWhiteSpace(handler.Hours))
            .Select(key => $"Office:Handlers:{key} must have Name, Place and Hours");

    /// <summary>
    /// The configured spelling of a village as someone typed it: case, Unicode form and a leading "thôn" do not
    /// matter. Null when it is not one of <see cref="Villages"/>.
    /// </summary>
    public string? ResolveVillage(string? name) => FindVillage(Villages, name);

    /// <inheritdoc cref="ResolveVillage"/>
    public static string? FindVillage(IEnumerable<string> villages, string? name)
    {
        // Rows of an import name their village as configured: found without normalising every configured name.
        if (villages.FirstOrDefault(v => string.Equals(v, name, StringComparison.Ordinal)) is { } exact)
        {
            return exact;
        }
        var wanted = Comparable(name ?? string.Empty);
        return wanted.Length == 0 ? null : villages.FirstOrDefault(v => Comparable(v) == wanted);
    }

    private static string Comparable(string name)
    {
        var text = string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.StartsWith("thôn ", StringComparison.Ordinal) ? text[5..] : text;
    }
}

/// <summary>One receiver of dossiers other than the one-stop desk: its name, where it receives, and its hours.</summary>
public sealed class HandlerOffice
{
    public string Name { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public string Hours { get; set; } = string.Empty;
}
