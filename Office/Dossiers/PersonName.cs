using System.Globalization;
using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// The one check of a person's name, for the chat and for staff alike: letters of any script (with their combining
/// marks), spaces, apostrophes (H'Hen), hyphens and dots; at most <see cref="MaxLength"/> characters after NFC. A
/// refused name comes with its <see cref="PersonNameProblem"/>, which the chat and the staff API word. Names are kept
/// title-cased as Vietnamese names are written.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 100;

    /// <summary>More marks on one letter than any script needs is an attack on the display, not a name.</summary>
    private const int MaxMarksPerLetter = 3;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>True with the name as it is kept (and <see cref="PersonNameProblem.None"/>); false with what is wrong.</summary>
    public static bool TryNormalize(string? input, out string name, out PersonNameProblem reason)
    {
        name = string.Empty;
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            reason = PersonNameProblem.Empty;
            return false;
        }
        // Checked before normalising too, so that a huge input costs no more than its first characters.
        if (text.Length > MaxLength * 4)
        {
            reason = PersonNameProblem.TooLong;
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
                reason = PersonNameProblem.HasDigits;
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
            reason = PersonNameProblem.HasOther;
            return false;
        }

        name = kept.ToString().TrimEnd(' ');
        if (!hasLetter)
        {
            reason = PersonNameProblem.HasOther;
            name = string.Empty;
            return false;
        }
        if (name.Length > MaxLength)
        {
            reason = PersonNameProblem.TooLong;
            name = string.Empty;
            return false;
        }
        reason = PersonNameProblem.None;
        return true;
    }
}

/// <summary>Why <see cref="PersonName.TryNormalize"/> refused a name.</summary>
public enum PersonNameProblem
{
    None,
    Empty,
    /// <summary>More than <see cref="PersonName.MaxLength"/> characters.</summary>
    TooLong,
    HasDigits,
    /// <summary>Something that is neither a letter, its mark, a space, an apostrophe, a hyphen nor a dot.</summary>
    HasOther,
}
