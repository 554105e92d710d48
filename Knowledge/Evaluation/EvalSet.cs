using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Evaluation;

/// <summary>One message and what should be understood from it; <paramref name="ProcedureId"/> null where none applies.</summary>
public sealed record EvalCase(int Line, string Text, Intent Intent, string? ProcedureId)
{
    /// <summary>The aspect asked (<see cref="ProcedureAspect.None"/> when general); null where the set does not say.</summary>
    public ProcedureAspect? Aspect { get; init; }

    /// <summary>How the message is written (story, voice, teencode…); null where the set does not say.</summary>
    public string? Style { get; init; }
}

/// <summary>
/// An evaluation set: a TSV of text, intent, procedure ('-' for none), optionally aspect ('-' when general) and style,
/// with '#' comments and a header row.
/// </summary>
public sealed class EvalSet
{
    private const string NoProcedure = "-";

    /// <summary>The project's own held-out set, copied beside the assembly: written before tuning, never trained on.</summary>
    public static string HeldOutPath => Shipped("understand.test.tsv");

    /// <summary>Messages as residents type them, written before the second round of tuning, never trained on.</summary>
    public static string UnseenPath => Shipped("understand.unseen.tsv");

    /// <summary>First messages in the styles residents really use (stories, voice typing, Telex…), with the aspect and style of each.</summary>
    public static string StylesPath => Shipped("understand.styles.tsv");

    /// <summary>The held-out message sets <c>eval</c> scores by default, and a retrained model must not score lower on.</summary>
    public static IReadOnlyList<string> HeldOutMessagePaths => [HeldOutPath, UnseenPath, StylesPath];

    /// <summary>A file of the evaluation folder copied beside the assembly.</summary>
    internal static string Shipped(string file) => Path.Combine(AppContext.BaseDirectory, "Evaluation", file);

    private EvalSet(string name, IReadOnlyList<EvalCase> cases)
    {
        Name = name;
        Cases = cases;
    }

    public string Name { get; }

    public IReadOnlyList<EvalCase> Cases { get; }

    /// <exception cref="FormatException">A row is malformed; the message names the line.</exception>
    public static EvalSet Load(string path)
    {
        var cases = new List<EvalCase>();
        var headerSeen = false;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                if (line.StartsWith("text\t", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            cases.Add(Parse(path, lineNumber, line));
        }

        return new EvalSet(Path.GetFileName(path), cases);
    }

    /// <summary>Understands every case and scores intent, procedure and both together.</summary>
    public EvalReport Evaluate(MessageUnderstanding understanding)
    {
        var results = Cases.Select(c => new EvalResult(c, understanding.Understand(c.Text))).ToList();
        return new EvalReport(Name, results);
    }

    private static EvalCase Parse(string path, int lineNumber, string line)
    {
        var columns = line.Split('\t');
        if (columns.Length < 3)
        {
            throw new FormatException($"{path}:{lineNumber}: expected 3 tab-separated columns (text, intent, procedure)");
        }

        if (!Enum.TryParse<Intent>(columns[1].Trim(), ignoreCase: true, out var intent) || !Enum.IsDefined(intent))
        {
            throw new FormatException($"{path}:{lineNumber}: unknown intent '{columns[1]}'");
        }

        var procedure = columns[2].Trim();
        ProcedureAspect? aspect = null;
        if (columns.Length > 3)
        {
            aspect = AspectNames.Parse(columns[3]) ?? throw new FormatException($"{path}:{lineNumber}: unknown aspect '{columns[3]}'");
        }

        return new EvalCase(lineNumber, columns[0], intent, procedure is NoProcedure or "" ? null : procedure)
        {
            Aspect = aspect,
            Style = columns.Length > 4 && columns[4].Trim() is { Length: > 0 } style ? style : null,
        };
    }
}
