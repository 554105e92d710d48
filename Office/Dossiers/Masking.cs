using System.Text.RegularExpressions;

namespace OneStopBot.Office.Dossiers;

/// <summary>Personal numbers as they may appear in replies and logs (Decree 13/2023/NĐ-CP).</summary>
public static partial class Masking
{
    /// <summary>Free text with every run of 9 or more digits (phones, ID numbers) masked, for what is kept or logged.</summary>
    public static string NumbersIn(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : LongNumber().Replace(text, match => Mask(match.Value, keepStart: 2, keepEnd: 2));

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

    // Digits possibly grouped by spaces, dots or dashes, as phone and ID numbers are typed.
    [GeneratedRegex(@"\+?\d(?:[\s.\-]?\d){8,}", RegexOptions.NonBacktracking)]
    private static partial Regex LongNumber();
}
