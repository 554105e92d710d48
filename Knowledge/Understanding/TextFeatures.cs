using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// The features the classifier reads from a message's canonical syllables: folded syllable uni- and bigrams (how
/// most residents type), the exact forms of syllables with diacritics (stronger when typed), folded skip-bigrams
/// (a word inserted between two), character n-grams within each folded syllable (typos and spelling variants), and
/// the sound keys of syllables and pairs (<see cref="SoundAlike"/>: voice typing writes "trứng thực" for "chứng thực").
/// </summary>
internal static class TextFeatures
{
    private const float WordWeight = 1.0f;
    private const float BigramWeight = 1.0f;
    private const float ExactWeight = 0.6f;
    private const float SkipWeight = 0.4f;
    private const float CharWeight = 0.35f;
    private const float SoundWeight = 0.5f;
    private const int CharGram = 3;
    private const float TailWeight = 1.0f;
    private const int TailSyllables = 7;

    /// <summary>Distinct features with their weights; the classifier scales the known ones to unit length.</summary>
    public static Dictionary<string, float> Extract(IReadOnlyList<string> syllables)
    {
        var features = new Dictionary<string, float>(syllables.Count * 8, StringComparer.Ordinal);
        var folded = new string[syllables.Count];
        var sounds = new string[syllables.Count];
        for (var i = 0; i < syllables.Count; i++)
        {
            folded[i] = VietnameseText.Fold(syllables[i]);
            sounds[i] = SoundAlike.Key(folded[i]);
        }

        for (var i = 0; i < folded.Length; i++)
        {
            Add(features, "w:" + folded[i], WordWeight);
            if (VietnameseText.HasDiacritics(syllables[i]))
            {
                Add(features, "e:" + syllables[i], ExactWeight);
            }

            Add(features, "k:" + sounds[i], SoundWeight);
            if (i + 1 < folded.Length)
            {
                Add(features, $"b:{folded[i]} {folded[i + 1]}", BigramWeight);
                Add(features, $"kb:{sounds[i]} {sounds[i + 1]}", SoundWeight);
            }

            if (i + 2 < folded.Length)
            {
                Add(features, $"s:{folded[i]} {folded[i + 2]}", SkipWeight);
            }

            var padded = $"<{folded[i]}>";
            for (var start = 0; start + CharGram <= padded.Length; start++)
            {
                Add(features, "c:" + padded.Substring(start, CharGram), CharWeight);
            }
        }

        return features;
    }

    /// <summary>
    /// Adds the folded words, their sound keys and the pairs of the last syllables again, marked apart: a resident tells
    /// the story first and asks at the end ("… làm lại cái thẻ thì mất tiền không"), so what the end asks outweighs the
    /// story's words, and "cầng dấy tờ dì" asks what "cần giấy tờ gì" does.
    /// </summary>
    public static void AddTail(Dictionary<string, float> features, IReadOnlyList<string> syllables)
    {
        var start = Math.Max(0, syllables.Count - TailSyllables);
        var previous = default(string);
        var previousSound = default(string);
        for (var i = start; i < syllables.Count; i++)
        {
            var folded = VietnameseText.Fold(syllables[i]);
            var sound = SoundAlike.Key(folded);
            Add(features, "tw:" + folded, TailWeight);
            Add(features, "tk:" + sound, SoundWeight);
            if (previous is not null)
            {
                Add(features, $"tb:{previous} {folded}", TailWeight);
                Add(features, $"tkb:{previousSound} {sound}", SoundWeight);
            }

            (previous, previousSound) = (folded, sound);
        }
    }

    private static void Add(Dictionary<string, float> features, string feature, float weight) =>
        features[feature] = Math.Max(features.GetValueOrDefault(feature), weight);
}
