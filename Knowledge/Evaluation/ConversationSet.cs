using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OneStopBot.Knowledge.Evaluation;

/// <summary>
/// One message of a held-out conversation: what it should be understood as, and the facts the reply must carry
/// (at least one of <paramref name="ExpectAny"/>, none of <paramref name="ExpectNone"/>).
/// </summary>
public sealed record ConversationTurn(
    string Say, Intent Intent, string? ProcedureId, ProcedureAspect Aspect, IReadOnlyList<string> ExpectAny, IReadOnlyList<string> ExpectNone)
{
    /// <summary>The turn is answered right: some expected fact is in the replies and no forbidden one, ignoring case and diacritics.</summary>
    public bool IsMetBy(string replies)
    {
        var folded = Folded(replies);
        return (ExpectAny.Count == 0 || ExpectAny.Any(fact => folded.Contains(Folded(fact), StringComparison.Ordinal)))
            && !ExpectNone.Any(fact => folded.Contains(Folded(fact), StringComparison.Ordinal));
    }

    private static string Folded(string text) => VietnameseText.Fold(VietnameseText.Normalize(text));
}

/// <summary>A held-out conversation: an id, the style it is written in, and its turns.</summary>
public sealed record ConversationCase(string Id, string Style, IReadOnlyList<ConversationTurn> Turns);

/// <summary>
/// The held-out conversations scored by facts (YAML: a list of id, style, turns of say, intent, procedure ('-' for
/// none), aspect (absent when general), expect_any, expect_none).
/// </summary>
public static class ConversationSet
{
    private const string NoProcedure = "-";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The shipped held-out conversations, copied beside the assembly.</summary>
    public static string HeldOutPath => EvalSet.Shipped("conversations.test.yaml");

    /// <exception cref="FormatException">The file or a turn is malformed; the message names the conversation.</exception>
    public static IReadOnlyList<ConversationCase> Load(string path)
    {
        List<ConversationEntry>? entries;
        try
        {
            entries = Deserializer.Deserialize<List<ConversationEntry>?>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }

        return (entries ?? []).Select((entry, i) => ToCase(path, entry, i + 1)).ToList();
    }

    private static ConversationCase ToCase(string path, ConversationEntry entry, int number)
    {
        var id = entry.Id ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (entry.Turns is not { Count: > 0 } turns)
        {
            throw new FormatException($"{path}: conversation {id} has no turns");
        }

        return new ConversationCase(id, entry.Style ?? string.Empty, turns.Select(turn => ToTurn(path, id, turn)).ToList());
    }

    private static ConversationTurn ToTurn(string path, string id, TurnEntry turn)
    {
        if (string.IsNullOrWhiteSpace(turn.Say))
        {
            throw new FormatException($"{path}: conversation {id} has a turn with nothing to say");
        }

        if (!Enum.TryParse<Intent>(turn.Intent, ignoreCase: true, out var intent) || !Enum.IsDefined(intent))
        {
            throw new FormatException($"{path}: conversation {id}: unknown intent '{turn.Intent}'");
        }

        var aspect = AspectNames.Parse(turn.Aspect) ?? throw new FormatException($"{path}: conversation {id}: unknown aspect '{turn.Aspect}'");
        var procedure = turn.Procedure is null or NoProcedure or "" ? null : turn.Procedure;
        return new ConversationTurn(turn.Say, intent, procedure, aspect, turn.ExpectAny ?? [], turn.ExpectNone ?? []);
    }

    private sealed class ConversationEntry
    {
        public string? Id { get; set; }
        public string? Style { get; set; }
        public List<TurnEntry>? Turns { get; set; }
    }

    private sealed class TurnEntry
    {
        public string? Say { get; set; }
        public string? Intent { get; set; }
        public string? Procedure { get; set; }
        public string? Aspect { get; set; }
        public List<string>? ExpectAny { get; set; }
        public List<string>? ExpectNone { get; set; }
    }
}

/// <summary>What the bot replied to one turn of a held-out conversation, and whether that meets the turn's expectations.</summary>
public sealed record ConversationTurnResult(ConversationTurn Turn, string Replies)
{
    public bool Met => Turn.IsMetBy(Replies);
}

/// <summary>Conversations answered right (every turn met) over a held-out set, with the turns that were not.</summary>
public sealed class ConversationReport(string name, IReadOnlyList<(ConversationCase Case, IReadOnlyList<ConversationTurnResult> Turns)> results)
{
    private const int MaxReplyShown = 240;

    public string Name { get; } = name;

    public IReadOnlyList<(ConversationCase Case, IReadOnlyList<ConversationTurnResult> Turns)> Results { get; } = results;

    public int Count => Results.Count;

    public int Right => Results.Count(r => r.Turns.All(t => t.Met));

    public double Accuracy => Count == 0 ? 0 : Right / (double)Count;

    /// <summary>Conversations right, turns met, per style, then every failing turn with what was replied.</summary>
    public string Format()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        var turns = Results.SelectMany(r => r.Turns).ToList();
        text.AppendLine(culture, $"{Name}: {Count} conversations, {turns.Count} turns");
        text.AppendLine(culture, $"conversations right:   {Right}/{Count} ({Accuracy:P1})");
        text.AppendLine(culture, $"turns met:             {turns.Count(t => t.Met)}/{turns.Count}");
        foreach (var style in Results.GroupBy(r => r.Case.Style, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  style {style.Key,-16} {style.Count(r => r.Turns.All(t => t.Met))}/{style.Count()}");
        }

        text.AppendLine("failing turns:");
        foreach (var (conversation, results) in Results)
        {
            foreach (var (result, i) in results.Select((r, i) => (r, i)).Where(p => !p.r.Met))
            {
                var reply = result.Replies.ReplaceLineEndings(" / ");
                text.AppendLine(culture,
                    $"  {conversation.Id} turn {i + 1}: \"{result.Turn.Say}\" expected any of [{string.Join(", ", result.Turn.ExpectAny)}]" +
                    $"{(result.Turn.ExpectNone.Count > 0 ? $" none of [{string.Join(", ", result.Turn.ExpectNone)}]" : string.Empty)}");
                text.AppendLine(culture, $"    got: {(reply.Length > MaxReplyShown ? reply[..MaxReplyShown] + "…" : reply)}");
            }
        }

        return text.ToString();
    }
}
