using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>
/// The liên thông group for children under 6: khai sinh, thường trú and the BHYT card in one dossier (QĐ 296/QĐ-VPCP,
/// 2024). A message that names khai sinh with either of the others ("làm khai sinh và nhập hộ khẩu cho con") asks
/// about the group, not about one of its procedures.
/// </summary>
public static partial class LinkedGroup
{
    public const string BirthId = "khai-sinh";
    public const string ResidenceId = "thuong-tru";
    public const string InsuranceId = "bhyt";

    /// <summary>The group's procedures, in the order the group answer offers them.</summary>
    public static readonly IReadOnlyList<string> Ids = [BirthId, ResidenceId, InsuranceId];

    public static bool Contains(string? procedureId) => procedureId is not null && Ids.Contains(procedureId);

    /// <summary>Whether the message names khai sinh together with thường trú or the BHYT card, or the group itself.</summary>
    public static bool IsAskedIn(string? text)
    {
        var folded = UserText.Fold(text);
        var birth = Birth().IsMatch(folded);
        var others = Residence().IsMatch(folded) || Insurance().IsMatch(folded);
        return (birth && others) || (Linked().IsMatch(folded) && (birth || others));
    }

    [GeneratedRegex(@"\b(khai sinh|kai sinh|giay sinh|gks)\b", RegexOptions.NonBacktracking)]
    private static partial Regex Birth();

    [GeneratedRegex(@"\b(thuong tru|ho khau|nhap khau)\b", RegexOptions.NonBacktracking)]
    private static partial Regex Residence();

    [GeneratedRegex(@"\b(bhyt|bao hiem)\b", RegexOptions.NonBacktracking)]
    private static partial Regex Insurance();

    [GeneratedRegex(@"\blien thong\b", RegexOptions.NonBacktracking)]
    private static partial Regex Linked();
}
