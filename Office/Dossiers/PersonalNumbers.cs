using System.Text.RegularExpressions;

namespace OneStopBot.Office.Dossiers;

/// <summary>Normalises the personal numbers residents type: mobile phone numbers and citizen ID numbers.</summary>
public static partial class PersonalNumbers
{
    /// <summary>
    /// A Vietnamese mobile number as 10 digits starting with 0: accepts spaces, dots, dashes, brackets and the
    /// <c>+84</c> / <c>84</c> prefix.
    /// </summary>
    public static bool TryNormalizePhone(string? input, out string phone)
    {
        phone = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }
        var digits = Separators().Replace(input.Trim(), string.Empty);
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }
        if (!MobilePhone().IsMatch(digits))
        {
            return false;
        }
        phone = digits;
        return true;
    }

    /// <summary>A citizen ID (căn cước) number: exactly 12 digits, spaces allowed between them.</summary>
    public static bool TryNormalizeCitizenId(string? input, out string citizenId)
    {
        citizenId = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }
        var digits = Separators().Replace(input.Trim(), string.Empty);
        if (!CitizenIdDigits().IsMatch(digits))
        {
            return false;
        }
        citizenId = digits;
        return true;
    }

    [GeneratedRegex(@"[\s.\-()]", RegexOptions.NonBacktracking)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^0[35789][0-9]{8}$", RegexOptions.NonBacktracking)]
    private static partial Regex MobilePhone();

    [GeneratedRegex(@"^[0-9]{12}$", RegexOptions.NonBacktracking)]
    private static partial Regex CitizenIdDigits();
}
