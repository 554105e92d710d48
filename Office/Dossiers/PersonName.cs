using System.Globalization;
using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// The one check of a person's name, for the chat and for staff alike: letters of any script (with their combining
/// marks), spaces, apostrophes (H'Hen), hyphens and dots; at most <see cref="MaxLength"/> characters after NFC. A
/// refused name comes with a short, polite reason. Names are kept title-cased as Vietnamese names are written.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 100;

    /// <summary>More marks on one letter than any script needs is an attack on the display, not a name.</summary>
    private const int MaxMarksPerLetter = 3;

    public const string Empty = "Anh/chị chưa gõ họ tên. Ví dụ: Hồ Thị Lan.";
    public const string TooLong = "Họ tên dài quá, tối đa 100 ký tự.";
    public const string HasDigits = "Họ tên không có chữ số. Anh/chị gõ lại họ tên, ví dụ: Hồ Thị Lan.";
    public const string HasOther = "Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy ('), gạch nối (-) hoặc dấu chấm. Ví dụ: Hồ Thị Lan.";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>True with the name as it is kept; false with the reason to show the person.</summary>
    public static bool TryNormalize(string? input, out string name, out string reason)
    {
        name = string.Empty;
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            reason = Empty;
            return false;
        }
        // Checked before normalising too, so that a huge input costs no more than its first characters.
        if (text.Length > MaxLength * 4)
        {
            reason = TooLong;
            return false;
        }
        text = text.Normalize(NormalizationForm.FormC);

        var kept = new StringBuilder(text.Length);
        var startOfWord = true;
        var marks = 0;
        var hasLetter = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsDigit(rune) || category is UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber)
            {
                reason = HasDigits;
                return false;
            }
            if (Rune.IsWhiteSpace(rune) && category != UnicodeCategory.Format)
            {
                if (kept.Length > 0 && kept[^1] != ' ')
                {
                    kept.Append(' ');
                }
                startOfWord = true;
                marks = 0;
                continue;
            }
            if (Rune.IsLetter(rune))
            {
                var cased = startOfWord ? Rune.ToUpper(rune, Vietnamese) : Rune.ToLower(rune, Vietnamese);
                kept.Append(cased.ToString());
                startOfWord = false;
                hasLetter = true;
                marks = 0;
                continue;
            }
            var followsLetter = !startOfWord && kept.Length > 0;
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && followsLetter && ++marks <= MaxMarksPerLetter)
            {
                kept.Append(rune.ToString());
                continue;
            }
            if (rune.Value is '\'' or '’' or '-' or '.' && kept.Length > 0 && kept[^1] is not (' ' or '\'' or '-' or '.'))
            {
                kept.Append(rune.Value == '’' ? '\'' : (char)rune.Value);
                startOfWord = true;
                marks = 0;
                continue;
            }
            reason = HasOther;
            return false;
        }

        name = kept.ToString().TrimEnd(' ');
        if (!hasLetter)
        {
            reason = HasOther;
            name = string.Empty;
            return false;
        }
        if (name.Length > MaxLength)
        {
            reason = TooLong;
            name = string.Empty;
            return false;
        }
        reason = string.Empty;
        return true;
    }
}
