using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>The glossary words a conversation has explained already; only glossary words, so it stays small.</summary>
public sealed record ExplainedWords(IReadOnlyList<string> Keys);

/// <summary>
/// Explains a glossary word in brackets the first time a conversation uses it — "trích lục (bản sao giấy tờ hộ tịch
/// do xã cấp)" — and never again in that conversation.
/// </summary>
public sealed class PlainWords
{
    private readonly IStatePropertyAccessor<ExplainedWords> accessor;

    // Longest first, so that "sổ hộ tịch" is explained as itself and not as "hộ tịch".
    private readonly IReadOnlyList<(string Spelling, GlossaryTerm Term)> spellings;

    public PlainWords(ConversationState conversationState, ProcedureCatalog catalog)
    {
        accessor = conversationState.CreateProperty<ExplainedWords>(nameof(ExplainedWords));
        spellings = catalog.Glossary
            .SelectMany(term => term.Terms.Select(spelling => (spelling, term)))
            .OrderByDescending(pair => pair.spelling.Length)
            .ToList();
    }

    /// <summary>The messages with each word not explained yet in this conversation explained at its first use.</summary>
    public async Task ExplainAsync(ITurnContext turnContext, IEnumerable<IActivity> messages, CancellationToken cancellationToken)
    {
        var state = await accessor.GetAsync(turnContext, () => new ExplainedWords([]), cancellationToken);
        var explained = state.Keys.ToHashSet(StringComparer.Ordinal);
        var before = explained.Count;
        foreach (var message in messages.OfType<IMessageActivity>().Where(m => !string.IsNullOrEmpty(m.Text)))
        {
            message.Text = Explain(message.Text, explained);
        }
        if (explained.Count != before)
        {
            await accessor.SetAsync(turnContext, new ExplainedWords(explained.ToList()), cancellationToken);
        }
    }

    /// <summary>
    /// The text with the first use of each word not in <paramref name="explained"/> explained; the words explained,
    /// or already followed by a bracket of their own ("Chứng thực (công chứng)"), are added to it.
    /// </summary>
    public string Explain(string text, ISet<string> explained)
    {
        var taken = new List<(int Start, int End, string? Explanation)>();
        foreach (var (spelling, term) in spellings)
        {
            if (explained.Contains(term.Key))
            {
                continue;
            }
            var at = FirstWord(text, spelling, taken);
            if (at < 0)
            {
                continue;
            }
            explained.Add(term.Key);
            var end = at + spelling.Length;
            taken.Add((at, end, FollowedByBracket(text, end) ? null : term.Explanation));
        }
        var builder = new StringBuilder(text);
        foreach (var (_, end, explanation) in taken.Where(t => t.Explanation is not null).OrderByDescending(t => t.End))
        {
            builder.Insert(end, $" ({explanation})");
        }
        return builder.ToString();
    }

    /// <summary>Where the spelling first stands as whole words outside the places already explained, or -1.</summary>
    private static int FirstWord(string text, string spelling, List<(int Start, int End, string? Explanation)> taken)
    {
        for (var at = text.IndexOf(spelling, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(spelling, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + spelling.Length;
            var whole = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (whole && !taken.Exists(t => at < t.End && end > t.Start))
            {
                return at;
            }
        }
        return -1;
    }

    private static bool FollowedByBracket(string text, int end) =>
        text.AsSpan(end).TrimStart(' ').StartsWith("(", StringComparison.Ordinal);
}
