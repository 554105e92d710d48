using System.Text;

namespace OneStopBot.Office.Notices;

/// <summary>The villages (thôn) of the commune, from <c>Office:Villages</c>: the audiences a notice may have.</summary>
public sealed class VillageOptions
{
    public const string Section = "Office";

    public List<string> Villages { get; set; } = [];

    /// <summary>
    /// The configured spelling of <paramref name="name"/>, matched without regard to case, Unicode form or a
    /// leading "thôn"; null when no village matches.
    /// </summary>
    public string? Resolve(string name)
    {
        var wanted = Comparable(name);
        return Villages.FirstOrDefault(v => Comparable(v) == wanted);
    }

    private static string Comparable(string name)
    {
        var text = name.Normalize(NormalizationForm.FormC).Trim().ToLowerInvariant();
        return (text.StartsWith("thôn ", StringComparison.Ordinal) ? text[5..] : text).Trim();
    }
}
