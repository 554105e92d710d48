using System.Text.RegularExpressions;

namespace OneStopBot.Office.Dossiers;

/// <summary>Personal numbers as they may appear in replies and logs (Decree 13/2023/NĐ-CP).</summary>
public static partial class Masking
{
    /// <summary>
    /// Free text with every number of 9 or more digits (phones, 9- and 12-digit ID numbers) masked, for what is kept,
    /// forwarded or logged, whatever separates its digits: spaces, dots, dashes of any kind, slashes, commas,
    /// underscores, brackets. The masked number keeps its first and last 2 digits: <c>(091) 234-5678</c> → <c>09******78</c>.
    /// </summary>
    public static string NumbersIn(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : LongNumber().Replace(text, match => MaskDigits(match.Value));

    /// <summary>An account id (a chat user, a conversation) for logs: a short hash, the same for the same id, that reveals nothing.</summary>
    public static string Identifier(string? id) =>
        string.IsNullOrEmpty(id)
            ? string.Empty
            : "#" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..10];

    /// <summary><c>0912345621</c> → <c>09******21</c>.</summary>
    public static string Phone(string? phone) => Mask(phone, keepStart: 2, keepEnd: 2);

    /// <summary><c>001234567889</c> → <c>0*********89</c>.</summary>
    public static string CitizenId(string? citizenId) => Mask(citizenId, keepStart: 1, keepEnd: 2);

    private static string Mask(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }
        var text = value.Trim();
        // Too short to show anything safely: hide it all.
        if (text.Length <= keepStart + keepEnd + 2)
        {
            return new string('*', text.Length);
        }
        return string.Concat(text.AsSpan(0, keepStart), new string('*', text.Length - keepStart - keepEnd), text.AsSpan(text.Length - keepEnd));
    }

    private static string MaskDigits(string number)
    {
        var digits = string.Concat(number.Where(char.IsAsciiDigit));
        var sign = number.TrimStart('(', ' ').StartsWith('+') ? "+" : string.Empty;
        return sign + Mask(digits, keepStart: 2, keepEnd: 2);
    }

    // Digits grouped by up to three separators at a time ("(091) 234", "0912 / 345"), as phone and ID numbers are
    // typed; the dashes include U+2010–U+2015 and U+2212, which phones and word processors put in.
    [GeneratedRegex(@"\+?\(?\d(?:[\s.,/_()\-\u2010-\u2015\u2212]{0,3}\d){8,}\)?", RegexOptions.NonBacktracking)]
    private static partial Regex LongNumber();
}
