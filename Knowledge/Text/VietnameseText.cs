using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace OneStopBot.Knowledge.Text;

/// <summary>
/// Vietnamese as residents type it: with or without diacritics, in teencode, abbreviations and the central dialect.
/// Every method is pure and thread-safe.
/// </summary>
public static class VietnameseText
{
    /// <summary>Longer input is cut here: a question never needs more, and it bounds the work per message.</summary>
    public const int MaxLength = 1000;

    /// <summary>Syllables kept after normalisation; the rest of a very long message adds nothing.</summary>
    public const int MaxSyllables = 60;

    // Teencode and abbreviations, keyed by their folded form so "đk" and "dk" are one entry.
    private static readonly FrozenDictionary<string, string[]> Abbreviations = new Dictionary<string, string[]>
    {
        ["ko"] = ["không"], ["k"] = ["không"], ["khum"] = ["không"], ["hok"] = ["không"], ["kh"] = ["không"],
        ["kg"] = ["không"], ["hong"] = ["không"], ["dc"] = ["được"], ["dk"] = ["đăng", "ký"], ["j"] = ["gì"],
        ["bn"] = ["bao", "nhiêu"], ["nhiu"] = ["nhiêu"], ["ntn"] = ["như", "thế", "nào"],
        ["sdt"] = ["số", "điện", "thoại"], ["cccd"] = ["căn", "cước", "công", "dân"],
        ["cmnd"] = ["chứng", "minh", "nhân", "dân"], ["gks"] = ["giấy", "khai", "sinh"],
        ["dkkh"] = ["đăng", "ký", "kết", "hôn"], ["nvqs"] = ["nghĩa", "vụ", "quân", "sự"],
        ["bhyt"] = ["bảo", "hiểm", "y", "tế"], ["hk"] = ["hộ", "khẩu"], ["hs"] = ["hồ", "sơ"],
        ["ubnd"] = ["ủy", "ban", "nhân", "dân"], ["ub"] = ["ủy", "ban"], ["vs"] = ["với"], ["ms"] = ["mới"],
        ["trc"] = ["trước"], ["onl"] = ["online"], ["r"] = ["rồi"], ["bh"] = ["bao", "giờ"],
        ["e"] = ["em"], ["ak"] = ["à"], ["ah"] = ["à"], ["lm"] = ["làm"], ["ng"] = ["người"], ["cx"] = ["cũng"],
        ["kq"] = ["kết", "quả"], ["mk"] = ["mình"], ["mik"] = ["mình"], ["bik"] = ["biết"], ["wa"] = ["qua"],
        ["vk"] = ["vợ"], ["ck"] = ["chồng"], ["hnay"] = ["hôm", "nay"], ["hqua"] = ["hôm", "qua"], ["hem"] = ["không"],
        ["tg"] = ["thời", "gian"], ["gcn"] = ["giấy", "chứng", "nhận"], ["kd"] = ["kinh", "doanh"],
        ["hkd"] = ["hộ", "kinh", "doanh"], ["tthc"] = ["thủ", "tục", "hành", "chính"], ["dt"] = ["điện", "thoại"],
        ["dki"] = ["đăng", "ký"], ["dky"] = ["đăng", "ký"], ["gd"] = ["gia", "đình"], ["nhìu"] = ["nhiều"],
        ["cj"] = ["chị"], ["gplx"] = ["giấy", "phép", "lái", "xe"], ["qsdd"] = ["quyền", "sử", "dụng", "đất"],
        ["ctck"] = ["chứng", "thực", "chữ", "ký"], ["ctbs"] = ["chứng", "thực", "bản", "sao"], ["gpxd"] = ["giấy", "phép", "xây", "dựng"],
        ["xnhn"] = ["xác", "nhận", "hôn", "nhân"], ["nkt"] = ["người", "khuyết", "tật"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Central dialect, keyed by the exact form: without diacritics these spellings are ordinary words.
    private static readonly FrozenDictionary<string, string> Dialect = new Dictionary<string, string>
    {
        ["mô"] = "đâu", ["răng"] = "sao", ["rứa"] = "thế", ["chi"] = "gì", ["ni"] = "này", ["tê"] = "kia",
        ["nớ"] = "đó", ["hỉ"] = "nhỉ", ["tui"] = "tôi", ["chừ"] = "giờ", ["bựa"] = "hôm", ["mần"] = "làm",
        ["bọ"] = "bố", ["mạ"] = "mẹ", ["mi"] = "mày", ["tau"] = "tao", ["ri"] = "thế", ["cấy"] = "cái", ["nì"] = "này",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // "chi" stays itself in these compounds (chi phí, chi trả): there it is not the dialect "gì".
    private static readonly FrozenSet<string> ChiCompounds =
        new[] { "phí", "trả", "tiết", "tiêu", "hội", "bộ", "nhánh", "cục", "tiền" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TimeWords =
        new[] { "hom", "bua", "nam", "thang", "tuan", "sang", "chieu", "toi", "dem" }.ToFrozenSet(StringComparer.Ordinal);

    // Base letter of every char up to the end of Latin Extended Additional (where Vietnamese letters live).
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>NFC, lower case, control characters removed, whitespace collapsed and trimmed; null becomes "".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var source = WithoutLoneSurrogates(text.Length > MaxLength * 2 ? text[..(MaxLength * 2)] : text);
        var composed = source.IsNormalized(NormalizationForm.FormC) ? source : source.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Removes diacritics (tone and vowel marks) and turns đ into d: "Đăng ký" → "dang ky".</summary>
    public static string Fold(string text)
    {
        if (IsAscii(text))
        {
            return text;
        }

        // Fast path: every precomposed letter maps to one base letter. Loose combining marks need decomposition.
        foreach (var c in text)
        {
            if (c >= FoldTable.Length || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                return FoldByDecomposition(text);
            }
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldTable[source[i]];
            }
        });
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = FoldByDecomposition(c.ToString()) is { Length: 1 } folded ? folded[0] : c;
        }

        return table;
    }

    private static string FoldByDecomposition(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// The syllables of a message in canonical form: normalised, split on anything that is not a letter or digit,
    /// teencode, abbreviations and dialect words replaced by standard Vietnamese.
    /// </summary>
    public static IReadOnlyList<string> Syllables(string? text) => Syllables(text, MaxSyllables);

    /// <summary>As <see cref="Syllables(string?)"/>, keeping at most <paramref name="maxSyllables"/>.</summary>
    internal static IReadOnlyList<string> Syllables(string? text, int maxSyllables)
    {
        var normalized = Normalize(text);
        var words = SplitWords(normalized);
        var result = new List<string>(words.Count + 4);
        for (var i = 0; i < words.Count && result.Count < maxSyllables; i++)
        {
            var word = words[i];
            if (Dialect.TryGetValue(word, out var standard)
                && !(word == "chi" && i + 1 < words.Count && ChiCompounds.Contains(words[i + 1])))
            {
                // "hôm ni", "năm ni": after a word of time "ni" is "nay", not "này".
                result.Add(word == "ni" && i > 0 && TimeWords.Contains(Fold(words[i - 1])) ? "nay" : standard);
            }
            else if (Abbreviations.TryGetValue(Fold(word), out var expansion))
            {
                result.AddRange(expansion);
            }
            else
            {
                result.Add(word);
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> with at most one insertion, deletion,
    /// substitution or swap of neighbouring letters: the one typo per word that matching forgives.</summary>
    public static bool IsWithinOneEdit(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var restA = a.AsSpan(prefix);
        var restB = b.AsSpan(prefix);
        if (a.Length == b.Length)
        {
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }

    /// <summary>True when the word carries a Vietnamese diacritic (so an exact match means more than a folded one).</summary>
    public static bool HasDiacritics(string word) => !IsAscii(word) && Fold(word) != word;

    /// <summary>
    /// The syllable without its tone, its letters kept (â, ê, ô, ơ, ư, ă, đ): "tữ" and "tử" meet, as voice typing mixes
    /// hỏi and ngã, while "chực" and "chúc", or "đi" and "di", stay apart.
    /// </summary>
    public static string WithoutTone(string syllable)
    {
        if (IsAscii(syllable))
        {
            return syllable;
        }

        var decomposed = syllable.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is not ('\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<string> SplitWords(string normalized)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var isWordChar = i < normalized.Length && IsWordChar(normalized, i);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(normalized[start..i]);
                start = -1;
            }
        }

        return words;
    }

    // Combining marks count as part of a word so decomposed input never splits a syllable.
    private static bool IsWordChar(string text, int index) =>
        char.IsLetterOrDigit(text, index) || CharUnicodeInfo.GetUnicodeCategory(text[index]) == UnicodeCategory.NonSpacingMark;

    // string.Normalize throws on a lone surrogate (a cut emoji, broken input); such a char carries nothing.
    private static string WithoutLoneSurrogates(string text)
    {
        var builder = default(StringBuilder);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!paired)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? text;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
