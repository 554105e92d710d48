namespace OneStopBot.Knowledge.Text;

/// <summary>
/// How a syllable sounds in the central and southern accents that voice typing writes down: a key on which "trứng" and
/// "chứng", "xác" and "sác", "giờ", "dờ" and "rờ", "bản" and "bảng", "mất" and "mấc", "làm" and "nàm" meet, and a
/// reading of keys typed in Telex or VNI with the input method off ("chuwngs" and "chu7ng1" are "chung", as "chứng"
/// folds). Pure and thread-safe.
/// </summary>
public static class SoundAlike
{
    // Longest first, so "ngh" is read before "ng" and "gi" before "g".
    private static readonly string[] Initials = ["ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];
    private static readonly string[] Finals = ["ng", "nh", "ch", "c", "t", "n", "m", "p"];
    private const string Vowels = "aeiouy";
    private const string ToneKeys = "sfrxj";
    private const int MaxRun = 2;
    private const string LookAlikeDigits = "0134";
    private const string LookAlikeLetters = "oiea";
    private static readonly char[] Digits = "123456789".ToCharArray();
    private static readonly char[] VowelChars = Vowels.ToCharArray();

    // A syllable carries at most a tone, a vowel mark and đ.
    private const int MaxVniMarks = 3;

    /// <summary>
    /// The sound key of a syllable: folded (so hỏi and ngã, and every tone, meet), initial s/x, tr/ch and d/gi/r/v
    /// merged, l/n merged (as relatives from the north write), final n/ng/nh and t/c/ch merged.
    /// </summary>
    public static string Key(string syllable)
    {
        var folded = VietnameseText.Fold(syllable.ToLowerInvariant());
        var initial = Initials.FirstOrDefault(i => folded.StartsWith(i, StringComparison.Ordinal) && folded.Length > i.Length && (i != "gi" || IsVowel(folded[2]))) ?? string.Empty;
        var rest = folded[initial.Length..];
        var final = Finals.FirstOrDefault(f => rest.Length > f.Length && rest.EndsWith(f, StringComparison.Ordinal)) ?? string.Empty;
        var vowel = rest[..^final.Length];
        return SameInitial(initial) + vowel + SameFinal(final);
    }

    /// <summary>
    /// The folded syllable a word typed with the input method off means, in Telex ("chuwngs" → "chung", "giaays" →
    /// "giay", "ddi" → "di") or VNI ("chu7ng1" → "chung", "d9a6u" → "dau"), or null when it carries no such key.
    /// Letters held down ("đươcccc") are cut to what a syllable can hold first.
    /// </summary>
    public static string? FromKeyboard(string word)
    {
        if (IsVni(word))
        {
            // VNI puts a digit after the letter it marks: without the digits the folded syllable is left.
            return string.Concat(VietnameseText.Fold(word).Where(c => !char.IsAsciiDigit(c)));
        }

        var text = WithoutRuns(VietnameseText.Fold(word));
        var changed = text.Length != word.Length;
        if (text.Length >= 3 && ToneKeys.Contains(text[^1], StringComparison.Ordinal) && text[..^1].Any(IsVowel))
        {
            text = text[..^1];
            changed = true;
        }

        var decoded = text.Replace("dd", "d", StringComparison.Ordinal).Replace("aa", "a", StringComparison.Ordinal)
            .Replace("ee", "e", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal)
            .Replace("uw", "u", StringComparison.Ordinal).Replace("ow", "o", StringComparison.Ordinal).Replace("aw", "a", StringComparison.Ordinal);
        return changed || decoded != text ? decoded : null;
    }

    // Vietnamese never writes a letter three times, nor a consonant twice at the end: "ơiiii", "đươcccc" are a key
    // held down. A doubled vowel stays, for Telex ("giaay").
    private static string WithoutRuns(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var end = i;
            while (end < text.Length && text[end] == text[i])
            {
                end++;
            }

            var run = end - i;
            var atEnd = end == text.Length;
            builder.Append(text[i], run > MaxRun || (run == MaxRun && atEnd && !IsVowel(text[i])) ? 1 : run);
            i = end;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The folded syllable a word means when digits stand for the letters they look like ("c4n" → "can", "b40" → "bao",
    /// "t13n" → "tien"), or null when it has no such digit or also reads as VNI. Only a caller that knows the syllable
    /// should take it: "a10" reads "aio", which is no word.
    /// </summary>
    public static string? FromLookAlikeDigits(string word)
    {
        if (IsVni(word) || !word.Any(char.IsAsciiLetter) || !word.Any(char.IsAsciiDigit)
            || !word.All(c => char.IsAsciiLetter(c) || LookAlikeDigits.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return string.Create(word.Length, word, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = LookAlikeDigits.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = at < 0 ? char.ToLowerInvariant(source[i]) : LookAlikeLetters[at];
            }
        });
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    // A letter first, a vowel, and at most three marks (digits 1–9) each after what it marks: "tu73", "o73", "d9a6u";
    // never "30", "h49", "a10", nor "x1n" or "nh13u", whose digit comes before any vowel (look-alike letters).
    private static bool IsVni(string word) =>
        word.Length >= 2 && char.IsAsciiLetter(word[0]) && word.All(char.IsLetterOrDigit) && !word.Contains('0', StringComparison.Ordinal)
        && word.Count(char.IsAsciiDigit) is > 0 and <= MaxVniMarks && VietnameseText.Fold(word).Any(IsVowel)
        && MarksFollowWhatTheyMark(VietnameseText.Fold(word));

    // A tone or vowel mark follows a vowel; 9 (đ) follows a d.
    private static bool MarksFollowWhatTheyMark(string folded)
    {
        var firstDigit = folded.IndexOfAny(Digits);
        var firstVowel = folded.IndexOfAny(VowelChars);
        return firstVowel >= 0 && (firstVowel < firstDigit || (folded[firstDigit] == '9' && firstDigit > 0 && folded[firstDigit - 1] == 'd'));
    }

    private static string SameInitial(string initial) => initial switch
    {
        "x" => "s",
        "tr" => "ch",
        "gi" or "r" or "v" => "d",
        "l" => "n",
        _ => initial,
    };

    private static string SameFinal(string final) => final switch
    {
        "ng" or "nh" => "n",
        "c" or "ch" => "t",
        _ => final,
    };
}
