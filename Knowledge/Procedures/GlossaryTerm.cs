namespace OneStopBot.Knowledge.Procedures;

/// <summary>A word residents may not know (<paramref name="Terms"/>: its spellings, NFC) and its one-line explanation.</summary>
public sealed record GlossaryTerm(IReadOnlyList<string> Terms, string Explanation)
{
    /// <summary>The first spelling: the word's name in a conversation's list of explained words.</summary>
    public string Key => Terms[0];
}
