using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>Personal numbers as they may appear in replies and logs (Decree 13/2023/NĐ-CP).</summary>
public static class Masking
{
    /// <summary>
    /// Free text with every number of 9 or more digits (phones, 9- and 12-digit ID numbers) masked, for what is kept,
    /// forwarded or logged. One rule, whatever the resident typed between the digits: digits (after compatibility
    /// normalisation, so full-width and other compatibility digits count) separated by anything that is not a letter
    /// form one number, and the letters l, I, O, o standing for digits inside a run of digits count as digits. The
    /// masked number keeps its first and last 2 digits: <c>0912*345*678</c> → <c>09******78</c>. A dossier code's
    /// day and sequence (<c>…-261125-0003</c>) are not personal and stay as typed. One pass, linear in the length.
    /// </summary>
    public static string NumbersIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var units = NumberScan.Units(text);
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        var i = 0;
        while (i < units.Count)
        {
            if (units[i].Kind != NumberScan.Kind.Digit)
            {
                i++;
                continue;
            }
            var run = NumberScan.Run(units, i, out var next);
            if (run.Digits.Length >= MinMaskedDigits)
            {
                builder.Append(text, copied, run.Start - copied).Append(Mask(run.Digits, keepStart: 2, keepEnd: 2));
                copied = run.End;
            }
            i = next;
        }
        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The shortest personal number: the old 9-digit ID; phones have 10, citizen IDs 12.</summary>
    private const int MinMaskedDigits = 9;

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
}
