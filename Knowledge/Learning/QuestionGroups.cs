using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Learning;

/// <summary>
/// Groups residents' questions that say much the same thing, so staff read one group instead of twenty copies. Alike
/// means close in the classifier's own features (<see cref="TextFeatures"/>: folded words and pairs, sound keys,
/// letter groups), by cosine similarity: "lam giay khai sinh o dau" and "làm khai sinh ở mô" fall together.
/// </summary>
public static class QuestionGroups
{
    /// <summary>Questions at least this similar to a group's first question join it.</summary>
    public const double DefaultLikeness = 0.45;

    /// <summary>
    /// The positions of <paramref name="texts"/> in groups, largest first (ties in order of their first question);
    /// each group keeps the order of the input. Quadratic at worst in the number of questions, which callers bound.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<string> texts, double likeness = DefaultLikeness)
    {
        var vectors = texts.Select(Vector).ToList();
        var groups = new List<(Dictionary<string, float> Leader, List<int> Members)>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var best = -1;
            var bestSimilarity = likeness;
            for (var g = 0; g < groups.Count; g++)
            {
                var similarity = Cosine(vectors[i], groups[g].Leader);
                if (similarity >= bestSimilarity)
                {
                    (best, bestSimilarity) = (g, similarity);
                }
            }

            if (best < 0)
            {
                groups.Add((vectors[i], [i]));
            }
            else
            {
                groups[best].Members.Add(i);
            }
        }

        return groups.Select((g, order) => (g.Members, order))
            .OrderByDescending(g => g.Members.Count).ThenBy(g => g.order)
            .Select(g => (IReadOnlyList<int>)g.Members)
            .ToList();
    }

    private static Dictionary<string, float> Vector(string text)
    {
        var features = TextFeatures.Extract(VietnameseText.Syllables(text));
        var norm = MathF.Sqrt(features.Values.Sum(v => v * v));
        if (norm > 0)
        {
            foreach (var key in features.Keys.ToList())
            {
                features[key] /= norm;
            }
        }

        return features;
    }

    private static double Cosine(Dictionary<string, float> a, Dictionary<string, float> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0d;
        foreach (var (feature, value) in small)
        {
            if (large.TryGetValue(feature, out var other))
            {
                sum += value * other;
            }
        }

        return sum;
    }
}
