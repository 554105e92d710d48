using System.Globalization;
using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// Reads free text for <see cref="Masking.NumbersIn"/>: each character (or surrogate pair) is a digit, a letter or
/// anything else, judged by its compatibility form (NFKC), so that full-width and other look-alike digits are digits.
/// No regular expression: every character is looked at a bounded number of times.
/// </summary>
internal static class NumberScan
{
    internal enum Kind
    {
        Other,
        Letter,
        Digit,

        /// <summary>l, I, O or o: a digit when it stands inside a run of digits (<c>09l2</c>), else a letter.</summary>
        StandIn,

        /// <summary>A format character (U+200B, U+2060, a soft hyphen): between digits like any separator, and beside a stand-in as if absent.</summary>
        Invisible,
    }

    /// <summary>A character of the text; <see cref="Digits"/> are the ASCII digits it stands for.</summary>
    internal readonly record struct Unit(int Start, int Length, Kind Kind, string Digits);

    /// <summary>A number's place in the text and its digits; no digits when nothing in it is personal.</summary>
    internal readonly record struct Number(int Start, int End, string Digits);

    private readonly record struct Group(int FirstUnit, int LastUnit, int DigitStart, int DigitEnd)
    {
        public int Count => DigitEnd - DigitStart;
    }

    private const int CodeDayDigits = 6;
    private const int CodeSequenceDigits = 4;

    private static readonly string[] AsciiDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static List<Unit> Units(string text)
    {
        var units = new List<Unit>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
            var (kind, digits) = Classify(text, i, length);
            units.Add(new Unit(i, length, kind, digits));
            i += length;
        }
        ResolveStandIns(units);
        return units;
    }

    /// <summary>
    /// The number that starts at the digit <paramref name="first"/>: every digit up to the next letter, whatever lies
    /// between them, less a dossier code's day and sequence at its end. <paramref name="next"/> is the unit after it.
    /// </summary>
    public static Number Run(List<Unit> units, int first, out int next)
    {
        var groups = new List<Group>();
        var digits = new StringBuilder();
        var i = first;
        for (; i < units.Count && units[i].Kind != Kind.Letter; i++)
        {
            if (units[i].Kind != Kind.Digit)
            {
                continue;
            }
            if (groups.Count > 0 && groups[^1].LastUnit == i - 1)
            {
                groups[^1] = groups[^1] with { LastUnit = i, DigitEnd = digits.Length + units[i].Digits.Length };
            }
            else
            {
                groups.Add(new Group(i, i, digits.Length, digits.Length + units[i].Digits.Length));
            }
            digits.Append(units[i].Digits);
        }
        next = i;
        var all = digits.ToString();
        var code = CodeGroupsAtEnd(groups, all);
        // Digits before a code belong to it only as its agency's (H49-261125-0003); after a space they may be a person's.
        var afterLetter = first > 0 && units[first - 1].Kind == Kind.Letter;
        var personal = code == groups.Count || afterLetter ? groups.Count - code : groups.Count;
        if (personal == 0)
        {
            return new Number(units[first].Start, units[first].Start, string.Empty);
        }
        var last = units[groups[personal - 1].LastUnit];
        return new Number(units[first].Start, last.Start + last.Length, all[..groups[personal - 1].DigitEnd]);
    }

    /// <summary>How many of the last groups are a dossier code's day and sequence: <c>261125-0003</c> (2) or <c>2611250003</c> (1).</summary>
    private static int CodeGroupsAtEnd(List<Group> groups, string digits)
    {
        var last = groups[^1];
        if (last.Count == CodeDayDigits + CodeSequenceDigits)
        {
            var code = digits.AsSpan(last.DigitStart, last.Count);
            return DossierCode.IsDayAndSequence(code[..CodeDayDigits], code[CodeDayDigits..]) ? 1 : 0;
        }
        if (groups.Count >= 2 && last.Count == CodeSequenceDigits && groups[^2].Count == CodeDayDigits)
        {
            return DossierCode.IsDayAndSequence(digits.AsSpan(groups[^2].DigitStart, CodeDayDigits), digits.AsSpan(last.DigitStart, CodeSequenceDigits)) ? 2 : 0;
        }
        return 0;
    }

    private static (Kind Kind, string Digits) Classify(string text, int at, int length)
    {
        var c = text[at];
        if (char.IsAsciiDigit(c))
        {
            return (Kind.Digit, AsciiDigits[c - '0']);
        }
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetter(c) ? Letter(c, text, at + length) : (Kind.Other, string.Empty);
        }
        if (length == 1 && char.IsSurrogate(c))
        {
            // Half of a pair: no character at all, so nothing to normalise.
            return (Kind.Other, string.Empty);
        }
        if (char.IsDigit(c))
        {
            return (Kind.Digit, AsciiDigits[CharUnicodeInfo.GetDecimalDigitValue(c)]);
        }
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
        {
            return (Kind.Invisible, string.Empty);
        }
        if (char.IsLetter(c) && c < '\u2000')
        {
            // Latin, Vietnamese and the other alphabets below the symbol blocks have no compatibility form that is a digit or l, I, O, o.
            return (Kind.Letter, string.Empty);
        }
        var compatible = text.Substring(at, length).Normalize(NormalizationForm.FormKC);
        if (compatible.Length == 1 && char.IsAsciiLetter(compatible[0]))
        {
            return Letter(compatible[0], text, at + length);
        }
        var digits = new StringBuilder();
        foreach (var part in compatible)
        {
            if (char.IsLetter(part))
            {
                return (Kind.Letter, string.Empty);
            }
            if (char.IsDigit(part))
            {
                digits.Append(AsciiDigits[CharUnicodeInfo.GetDecimalDigitValue(part)]);
            }
        }
        return digits.Length > 0 ? (Kind.Digit, digits.ToString()) : (Kind.Other, string.Empty);
    }

    /// <summary>A letter, or a stand-in for 1 or 0 unless a combining mark makes it another letter (o + ◌̂ = ô).</summary>
    private static (Kind Kind, string Digits) Letter(char letter, string text, int after)
    {
        var standsFor = letter switch
        {
            'l' or 'I' => "1",
            'O' or 'o' => "0",
            _ => null,
        };
        return standsFor is null || (after < text.Length && IsMark(text[after])) ? (Kind.Letter, string.Empty) : (Kind.StandIn, standsFor);
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Stand-ins are digits when they touch a digit and no other letter (<c>09l2</c>, <c>O912</c>), or stand alone between
    /// digits (<c>0912 l 345678</c>); in a word (<c>lo</c>, <c>Hol2</c>) they are letters. Each separator is looked at by
    /// at most the two stand-ins around it, so this stays linear.
    /// </summary>
    private static void ResolveStandIns(List<Unit> units)
    {
        for (var i = 0; i < units.Count;)
        {
            if (units[i].Kind != Kind.StandIn)
            {
                i++;
                continue;
            }
            var end = i;
            while (end < units.Count && units[end].Kind == Kind.StandIn)
            {
                end++;
            }
            var before = Beside(units, i - 1, -1, Kind.Invisible);
            var after = Beside(units, end, +1, Kind.Invisible);
            var digits = before != Kind.Letter && after != Kind.Letter
                && (before == Kind.Digit || after == Kind.Digit
                    || (Beside(units, i - 1, -1, Kind.Other) == Kind.Digit && Beside(units, end, +1, Kind.Other) == Kind.Digit));
            for (var j = i; j < end; j++)
            {
                units[j] = digits ? units[j] with { Kind = Kind.Digit } : units[j] with { Kind = Kind.Letter, Digits = string.Empty };
            }
            i = end;
        }
    }

    /// <summary>The kind of the first unit from <paramref name="at"/> in <paramref name="step"/> direction that is neither invisible nor <paramref name="skipped"/>; Other at either end.</summary>
    private static Kind Beside(List<Unit> units, int at, int step, Kind skipped)
    {
        for (; at >= 0 && at < units.Count; at += step)
        {
            var kind = units[at].Kind;
            if (kind != Kind.Invisible && kind != skipped)
            {
                return kind;
            }
        }
        return Kind.Other;
    }
}
