namespace OneStopBot.Knowledge.Evaluation;

/// <summary>A message and whether it is small talk (one polite line, not kept) or real (a question or a problem told).</summary>
public sealed record SmallTalkCase(int Line, string Text, bool SmallTalk);

/// <summary>The held-out set of small talk and real messages: a TSV of text and kind (<c>smalltalk</c> or <c>real</c>).</summary>
public static class SmallTalkSet
{
    private const string SmallTalkKind = "smalltalk";
    private const string RealKind = "real";

    public static string Path => EvalSet.Shipped("smalltalk.test.tsv");

    /// <exception cref="FormatException">A row is malformed; the message names the line.</exception>
    public static IReadOnlyList<SmallTalkCase> Load(string path)
    {
        var cases = new List<SmallTalkCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || line.StartsWith("text\t", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns is not [var text, var kind] || kind is not (SmallTalkKind or RealKind))
            {
                throw new FormatException($"{path}:{lineNumber}: expected text and kind ({SmallTalkKind} or {RealKind})");
            }

            cases.Add(new SmallTalkCase(lineNumber, text, kind == SmallTalkKind));
        }

        return cases;
    }
}
