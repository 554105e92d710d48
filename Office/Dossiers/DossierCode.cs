using System.Globalization;
using System.Text;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// Dossier codes <c>&lt;agency code&gt;-YYMMDD-NNNN</c> (Circular 01/2018/TT-VPCP, art. 19), and the one reader of
/// codes as residents and staff type them. No regular expression: a scan that is linear in the text's length, so a
/// megabyte of digits costs one pass.
/// </summary>
public static class DossierCode
{
    public const int MaxSequence = 9999;

    private const int FirstYear = 2018;

    /// <summary>Longer than any code with a prefix and spaces: an exact parse refuses it without reading it.</summary>
    private const int MaxExactLength = 80;

    private const int MaxTokenLookBack = 40;

    // Words residents put before a code, folded and without spaces ("mã hồ sơ:" → "MAHOSO"); longest first.
    private static readonly string[] Prefixes = ["MASOHOSO", "MAHOSO", "SOHOSO", "HOSOSO", "HOSO", "MASO", "MA", "SO"];

    /// <summary>An example residents can copy the shape of.</summary>
    public static string Example(string agencyCode) => Format(agencyCode, new DateOnly(2026, 11, 20), 12);

    public static string Format(string agencyCode, DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{day:yyMMdd}-{sequence:D4}");
    }

    /// <summary>
    /// Reads a message that is a code and nothing else, as residents type it: any case, spaces, missing dots, a
    /// prefix ("hồ sơ", "mã", "ma ho so"), or only <c>YYMMDD-NNNN</c> (then <paramref name="agencyCode"/> is
    /// assumed). An agency typed without its dots is matched against <paramref name="agencyCode"/>.
    /// </summary>
    public static bool TryNormalize(string? input, string agencyCode, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxExactLength)
        {
            return false;
        }
        var compact = Compact(input);
        // From the end: four digits, an optional dash, six digits, an optional dash; what is left is the agency.
        var end = compact.Length;
        if (!DigitsBefore(compact, end, 4, out var seqStart))
        {
            return false;
        }
        var dayEnd = seqStart > 0 && compact[seqStart - 1] == '-' ? seqStart - 1 : seqStart;
        if (!DigitsBefore(compact, dayEnd, 6, out var dayStart))
        {
            return false;
        }
        var agencyEnd = dayStart > 0 && compact[dayStart - 1] == '-' ? dayStart - 1 : dayStart;
        if (agencyEnd < dayStart && agencyEnd == 0)
        {
            return false;
        }
        var agency = ResolveAgency(compact[..agencyEnd], agencyCode, strict: true);
        return agency is not null && TryBuild(agency, compact.AsSpan(dayStart, 6), compact.AsSpan(seqStart, 4), out code);
    }

    /// <summary>
    /// The first well-formed code inside a longer message ("cho hỏi hồ sơ 261127-0005 xong chưa"): six digits of
    /// the day, an optional dash, four digits of the sequence, and the agency typed before them, if any.
    /// </summary>
    public static bool TryFind(string? text, string agencyCode, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (TryNormalize(text, agencyCode, out code))
        {
            return true;
        }
        var s = Canonical(text);
        var scanned = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                i++;
                continue;
            }
            var run = RunOfDigits(s, i);
            int seqStart;
            var found = false;
            if (run == 10)
            {
                seqStart = i + 6;
                found = true;
            }
            else if (run == 6)
            {
                var j = SkipSpaces(s, i + 6);
                j = j < s.Length && s[j] == '-' ? SkipSpaces(s, j + 1) : j;
                seqStart = j;
                found = j < s.Length && RunOfDigits(s, j) == 4;
            }
            else
            {
                seqStart = 0;
            }
            var seqEnd = seqStart + 4;
            if (found && (seqEnd == s.Length || !char.IsLetterOrDigit(s[seqEnd])))
            {
                var agency = ResolveAgency(TokenBefore(s, i, scanned), agencyCode, strict: false)!;
                if (TryBuild(agency, s.AsSpan(i, 6), s.AsSpan(seqStart, 4), out code))
                {
                    return true;
                }
            }
            if (found)
            {
                scanned = seqEnd;
            }
            i += run;
        }
        return false;
    }

    /// <summary>
    /// Whether a message is an attempt at a code (mostly digits, at least six of them) rather than a question or a
    /// request, so that only attempts count as failed lookups.
    /// </summary>
    public static bool LooksLikeCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        int digits = 0, others = 0;
        foreach (var c in Canonical(text))
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                others++;
            }
        }
        return digits >= 6 && digits * 2 >= digits + others;
    }

    private static bool TryBuild(string agency, ReadOnlySpan<char> day, ReadOnlySpan<char> sequence, out string code)
    {
        code = string.Empty;
        if (!TryReadDayAndSequence(day, sequence, out var date, out var number))
        {
            return false;
        }
        code = Format(agency, date, number);
        return true;
    }

    /// <summary>Whether six and four ASCII digits are a code's day and sequence, as opposed to a part of a phone or ID number.</summary>
    internal static bool IsDayAndSequence(ReadOnlySpan<char> day, ReadOnlySpan<char> sequence) =>
        TryReadDayAndSequence(day, sequence, out _, out _);

    private static bool TryReadDayAndSequence(ReadOnlySpan<char> day, ReadOnlySpan<char> sequence, out DateOnly date, out int number)
    {
        number = 0;
        // Codes began with Circular 01/2018; an earlier "day" is a phone number's digits (09…).
        if (!DateOnly.TryParseExact(day, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || date.Year < FirstYear
            || sequence.Length != 4 || sequence.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        number = int.Parse(sequence, NumberStyles.None, CultureInfo.InvariantCulture);
        return number >= 1;
    }

    /// <summary>
    /// The agency of a code from what was typed before its day: the configured one when nothing, a prefix word or
    /// the configured one (dots optional) was typed; another well-formed agency as typed. In strict mode (a whole
    /// message) anything else is refused (null); in free text it is a word of the sentence and ignored.
    /// </summary>
    private static string? ResolveAgency(string typed, string agencyCode, bool strict)
    {
        var upper = typed.ToUpperInvariant();
        var own = WithoutDots(agencyCode.ToUpperInvariant());
        var plain = WithoutDots(upper);
        if (plain.Length == 0 || plain == own || (!strict && plain.EndsWith(own, StringComparison.Ordinal)))
        {
            return agencyCode;
        }
        foreach (var prefix in Prefixes)
        {
            if (upper.StartsWith(prefix, StringComparison.Ordinal) && ResolveAgency(upper[prefix.Length..], agencyCode, strict: true) is { } rest)
            {
                return rest;
            }
        }
        if (IsAgencyShape(upper))
        {
            return upper;
        }
        return strict ? null : agencyCode;
    }

    /// <summary>Letters and digits in dot-separated parts, the first all digits: <c>000.32.30.H49</c>.</summary>
    private static bool IsAgencyShape(string agency)
    {
        var firstDot = agency.IndexOf('.', StringComparison.Ordinal);
        if (agency.Length == 0 || firstDot <= 0 || agency[^1] == '.' || agency.AsSpan(0, firstDot).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        for (var i = 0; i < agency.Length; i++)
        {
            var c = agency[i];
            if (c == '.' ? agency[i - 1] == '.' : !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The word (letters, digits, dots) before a day, after an optional dash; never further back than
    /// <paramref name="floor"/> nor than an agency code's length, so every digit is looked at a bounded number of times.
    /// </summary>
    private static string TokenBefore(string s, int dayStart, int floor)
    {
        floor = Math.Max(floor, dayStart - MaxTokenLookBack);
        var end = dayStart;
        while (end > floor && s[end - 1] == ' ')
        {
            end--;
        }
        if (end > floor && s[end - 1] == '-')
        {
            end--;
            while (end > floor && s[end - 1] == ' ')
            {
                end--;
            }
        }
        var start = end;
        while (start > floor && (char.IsAsciiLetterOrDigit(s[start - 1]) || s[start - 1] == '.'))
        {
            start--;
        }
        return s[start..end];
    }

    private static bool DigitsBefore(string s, int end, int count, out int start)
    {
        start = end - count;
        if (start < 0)
        {
            return false;
        }
        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static int RunOfDigits(string s, int start)
    {
        var end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }
        return end - start;
    }

    private static int SkipSpaces(string s, int start)
    {
        while (start < s.Length && s[start] == ' ')
        {
            start++;
        }
        return start;
    }

    /// <summary>
    /// Compatibility forms folded (full-width digits), diacritics removed (đ stays: it is no letter of a code), every
    /// dash one '-', every blank one ' '.
    /// </summary>
    private static string Canonical(string input)
    {
        var decomposed = input.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            // En and em dashes, minus signs and underscores from phones' keyboards all mean the separator.
            builder.Append(c switch
            {
                '–' or '—' or '−' or '_' or '‐' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary><see cref="Canonical"/> without blanks or a trailing colon/hash, upper case: "mã hồ sơ: 261120 0012" → "MAHOSO2611200012".</summary>
    private static string Compact(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in Canonical(input))
        {
            if (c is not ' ' and not ':' and not '#')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }
        return builder.ToString();
    }

    private static string WithoutDots(string agency) => agency.Replace(".", string.Empty, StringComparison.Ordinal);
}
