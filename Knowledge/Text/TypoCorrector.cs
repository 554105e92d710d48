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
    private const int MinSplitLength = 2 * MinPartLength + 1;
    private const int MaxSplitLength = 20;
    private const int MaxParts = 4;

    private readonly FrozenDictionary<string, int> counts;
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
    /// Syllables typed without the space between them ("khaisinh", "dangkykethon") as the known syllables they are made
    /// of, each of at least two letters; null when the word is known or cannot be cut into known syllables.
    /// </summary>
    public IReadOnlyList<string>? Split(string word)
    {
        var folded = VietnameseText.Fold(word);
        return folded.Length < MinSplitLength || folded.Length > MaxSplitLength || counts.ContainsKey(folded) || folded.Any(char.IsAsciiDigit)
            ? null
            : SplitKnown(folded, MaxParts);
    }

    private List<string>? SplitKnown(string folded, int parts)
    {
        // Longest first part first: "thuongtru" is "thuong tru", not "thu ong tru".
        for (var cut = folded.Length - MinPartLength; cut >= MinPartLength; cut--)
        {
            var head = folded[..cut];
            if (!counts.ContainsKey(head))
            {
                continue;
            }

            var tail = folded[cut..];
            if (counts.ContainsKey(tail))
            {
                return [head, tail];
            }

            if (parts > 2 && tail.Length >= 2 * MinPartLength && SplitKnown(tail, parts - 1) is { } rest)
            {
                return [head, .. rest];
            }
        }

        return null;
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
