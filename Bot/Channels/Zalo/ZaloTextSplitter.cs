namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>Cuts text that Zalo would refuse as too long, at sentence ends where it can, else between words.</summary>
public static class ZaloTextSplitter
{
    private const string SentenceEnds = ".!?…:;";

    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest, maxLength);
            var part = rest[..cut].TrimEnd();
            if (!part.IsEmpty)
            {
                parts.Add(part.ToString());
            }
            rest = rest[cut..].TrimStart();
        }
        if (!rest.IsEmpty)
        {
            parts.Add(rest.ToString());
        }
        return parts;
    }

    /// <summary>Where to end the next part: after the last line break or sentence end that fits, else the last space.</summary>
    private static int FindCut(ReadOnlySpan<char> text, int maxLength)
    {
        var lastSpace = -1;
        for (var i = maxLength - 1; i > 0; i--)
        {
            var c = text[i];
            if (c == '\n' || (SentenceEnds.Contains(c, StringComparison.Ordinal) && char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
            if (lastSpace < 0 && char.IsWhiteSpace(c))
            {
                lastSpace = i;
            }
        }
        if (lastSpace > 0)
        {
            return lastSpace;
        }
        // One unbroken run (a long link, a wall of emoji): cut hard, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
    }
}
