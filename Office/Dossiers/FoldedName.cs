using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>Names as staff type them in files, compared folded: lower case, no diacritics (đ → d), letters and digits only.</summary>
internal static class FoldedName
{
    /// <summary>"Đang giải quyết" → "danggiaiquyet"; "Received date" → "receiveddate".</summary>
    public static string Of(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in (text ?? string.Empty).Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
