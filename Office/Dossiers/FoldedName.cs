using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>Names as staff type them in files, compared folded: lower case, no diacritics (đ → d), letters and digits only.</summary>
internal static class FoldedName
{
    /// <summary>"Đang giải quyết" → "danggiaiquyet"; "Received date" → "receiveddate".</summary>
    public static string Of(string? text) => string.Concat(Words(text));

    /// <summary>"Xã Phước Đức" → ["xa", "phuoc", "duc"]: the folded words, split where anything else stood.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in (text ?? string.Empty).ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }
        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }
        return words;
    }
}
