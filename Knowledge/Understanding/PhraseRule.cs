namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// Keyword phrases on folded text. Each pattern is one or more phrases joined by " + ", all of which must occur as
/// whole words; the rule matches when any pattern does. "ho so + den dau" matches "hồ sơ của tôi đến đâu rồi".
/// Only trip answers (by post, online, too far) still read words this way; the understanding learns from examples.
/// </summary>
public sealed class PhraseRule
{
    private readonly string[][] patterns;

    public PhraseRule(params string[] patterns)
    {
        this.patterns = patterns
            .Select(pattern => pattern.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(phrase => $" {phrase} ")
                .ToArray())
            .ToArray();
    }

    /// <param name="paddedFolded">Folded syllables joined by single spaces, with a space at each end.</param>
    public bool Matches(string paddedFolded) =>
        patterns.Any(phrases => phrases.All(phrase => paddedFolded.Contains(phrase, StringComparison.Ordinal)));
}
