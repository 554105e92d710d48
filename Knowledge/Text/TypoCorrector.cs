using System.Collections.Frozen;

namespace OneStopBot.Knowledge.Text;

/// <summary>
/// Forgives one typo per word: a syllable the vocabulary does not know is replaced by a known one within one edit.
/// Works on folded forms; lookups use a table of single-letter deletions, so no word is compared with every other.
/// </summary>
public sealed class TypoCorrector
{
    /// <summary>Shorter syllables are left alone: at 3 letters one edit turns most of them into other real words.</summary>
    public const int MinLength = 4;

    // A run-together word holds at least two syllables of two letters; longer than this it is no word (a link, a key held).
    private const int MinPartLength = 2;
    private const int MinSplitLength = 2 * MinPartLength;
    private const int MaxSplitLength = 40;
    private const int MaxPartLength = 7;

    // Beyond four parts, twice the fewest letters a part holds on average (2.5): "nophosotrocapxahoichome" has nine in 23.
    private const int FreeParts = 4;
    private const int MinAverageLetters = 5;

    private readonly FrozenDictionary<string, int> counts;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> known;
    private readonly FrozenDictionary<string, string[]> byDeletion;

    /// <param name="vocabulary">Known syllables; a syllable listed more often wins a tie between two corrections.</param>
    public TypoCorrector(IEnumerable<string> vocabulary)
    {
        var counted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in vocabulary)
        {
            var folded = VietnameseText.Fold(word);
            counted[folded] = counted.GetValueOrDefault(folded) + 1;
        }

        counts = counted.ToFrozenDictionary(StringComparer.Ordinal);
        known = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var deletions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in counts.Keys.Where(w => w.Length >= MinLength - 1))
        {
            foreach (var key in DeletionsAndSelf(word))
            {
                if (!deletions.TryGetValue(key, out var words))
                {
                    deletions[key] = words = [];
                }

                words.Add(word);
            }
        }

        byDeletion = deletions.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Distinct().ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>True when the vocabulary holds the syllable, diacritics aside.</summary>
    public bool Knows(string syllable) => counts.ContainsKey(VietnameseText.Fold(syllable));

    /// <summary>The syllable itself when known, too short or all digits; else the closest known folded syllable, or itself.</summary>
    public string Correct(string syllable)
    {
        var folded = VietnameseText.Fold(syllable);
        if (folded.Length < MinLength || counts.ContainsKey(folded) || folded.All(char.IsAsciiDigit))
        {
            return syllable;
        }

        // Among corrections one edit away, keep the first letter if possible (typos rarely hit it), then the commoner word.
        string? best = null;
        foreach (var key in DeletionsAndSelf(folded))
        {
            if (!byDeletion.TryGetValue(key, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (VietnameseText.IsWithinOneEdit(folded, candidate) && IsBetter(candidate, best, folded))
                {
                    best = candidate;
                }
            }
        }

        return best ?? syllable;
    }

    /// <summary>
    /// Syllables typed without the space between them ("khaisinh", "dangkykethon", "lamgiaykhaisinhchocon") as the
    /// fewest known syllables they are made of, each of at least two letters, the commoner ones where two cuts tie; null
    /// when the word is known or cannot be cut into known syllables. Linear in the word's length.
    /// </summary>
    public IReadOnlyList<string>? Split(string word)
    {
        var folded = VietnameseText.Fold(word);
        if (folded.Length < MinSplitLength || folded.Length > MaxSplitLength || counts.ContainsKey(folded) || folded.Any(char.IsAsciiDigit))
        {
            return null;
        }

        // best[i]: the fewest parts that make up folded[..i], and the summed log counts among those; from[i]: the last cut.
        var parts = new int[folded.Length + 1];
        var weight = new double[folded.Length + 1];
        var from = new int[folded.Length + 1];
        Array.Fill(parts, int.MaxValue);
        parts[0] = 0;
        for (var end = MinPartLength; end <= folded.Length; end++)
        {
            for (var start = Math.Max(0, end - MaxPartLength); start <= end - MinPartLength; start++)
            {
                if (parts[start] == int.MaxValue || !known.TryGetValue(folded.AsSpan(start, end - start), out var occurrences))
                {
                    continue;
                }

                var candidate = weight[start] + Math.Log(occurrences);
                if (parts[start] + 1 < parts[end] || (parts[start] + 1 == parts[end] && candidate > weight[end]))
                {
                    (parts[end], weight[end], from[end]) = (parts[start] + 1, candidate, start);
                }
            }
        }

        // Many parts shorter than syllables are on average (about three letters) are a typo cut up, not words.
        var count = parts[folded.Length];
        if (count == int.MaxValue || (count > FreeParts && count * MinAverageLetters > folded.Length * 2))
        {
            return null;
        }

        var result = new string[count];
        for (int end = folded.Length, i = result.Length - 1; i >= 0; end = from[end], i--)
        {
            result[i] = folded[from[end]..end];
        }

        return result;
    }

    private bool IsBetter(string candidate, string? best, string typed)
    {
        if (best is null)
        {
            return true;
        }

        var keepsFirst = candidate[0] == typed[0];
        if (keepsFirst != (best[0] == typed[0]))
        {
            return keepsFirst;
        }

        var byCount = counts[candidate].CompareTo(counts[best]);
        return byCount > 0 || (byCount == 0 && string.CompareOrdinal(candidate, best) < 0);
    }

    private static IEnumerable<string> DeletionsAndSelf(string word)
    {
        yield return word;
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }
}
