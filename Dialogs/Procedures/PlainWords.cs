using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Staff;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>The glossary words a conversation has explained already; only glossary words, so it stays small.</summary>
public sealed record ExplainedWords(IReadOnlyList<string> Keys);

/// <summary>
/// Explains a glossary word in brackets the first time a conversation reads it — "trích lục (bản sao giấy tờ hộ tịch
/// do xã cấp)" — and never again in that conversation, in every message the bot sends: answers, status replies,
/// notices. It rewrites message text only, never buttons, and never a message marked <see cref="KeepAsWritten"/>.
/// Attached before <see cref="Engine.MarkdownLinesMiddleware"/>, so the explanation is written for the channel like the rest of
/// the text.
/// <list type="bullet">
/// <item>A staff member's turn is left as it is: staff know the words, and a resident's question forwarded to them
/// must read as the resident wrote it. A proactive message to a chat of <c>Staff:Members</c> likewise.</item>
/// <item>A proactive message (a status change, a broadcast) is read on its own, often days later: its words are
/// explained in it whatever the chat was told before, and the conversation's state is neither read nor written (the
/// outbox runs outside any turn of that conversation).</item>
/// </list>
/// The words explained in a turn are set in conversation state while the turn runs; the turn saves them with the rest.
/// </summary>
public sealed class PlainWords : IMiddleware
{
    private readonly IStatePropertyAccessor<ExplainedWords> accessor;
    private readonly IOptionsMonitor<StaffOptions> staff;

    // Longest first, so that "sổ hộ tịch" is explained as itself and not as "hộ tịch".
    private readonly IReadOnlyList<(string Spelling, GlossaryTerm Term)> spellings;

    public PlainWords(ConversationState conversationState, ProcedureCatalog catalog, IOptionsMonitor<StaffOptions> staff)
    {
        accessor = conversationState.CreateProperty<ExplainedWords>(nameof(ExplainedWords));
        this.staff = staff;
        spellings = catalog.Glossary
            .SelectMany(term => term.Terms.Select(spelling => (spelling, term)))
            .OrderByDescending(pair => pair.spelling.Length)
            .ToList();
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            await ExplainAsync(context, activities, cancellationToken);
            return await nextSend();
        });
        return next(cancellationToken);
    }

    /// <summary>The messages with each word not explained yet to this reader explained at its first use.</summary>
    private async Task ExplainAsync(ITurnContext context, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var messages = activities.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text) && !TakeAsWritten(a)).ToList();
        if (messages.Count == 0 || ForStaff(context))
        {
            return;
        }
        if (context.Activity.IsContinuation())
        {
            Explain(messages, new HashSet<string>(StringComparer.Ordinal));
            return;
        }
        ExplainedWords state;
        try
        {
            state = await accessor.GetAsync(context, () => new ExplainedWords([]), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unreadable state (a damaged record) fails the turn, and its apology must still go out: explained as
            // a notice is, remembering nothing. The turn's error handler deals with the state itself.
            Explain(messages, new HashSet<string>(StringComparer.Ordinal));
            return;
        }
        var explained = state.Keys.ToHashSet(StringComparer.Ordinal);
        if (Explain(messages, explained))
        {
            await accessor.SetAsync(context, new ExplainedWords(explained.ToList()), cancellationToken);
        }
    }

    /// <summary>Whether any word was explained.</summary>
    private bool Explain(List<Activity> messages, HashSet<string> explained)
    {
        var before = explained.Count;
        foreach (var message in messages)
        {
            message.Text = Explain(message.Text, explained);
        }
        return explained.Count != before;
    }

    /// <summary>
    /// Marks a message that is sent as a person wrote it (a staff answer): the glossary must not put words in a
    /// clerk's mouth, nor explain what the clerk chose to say.
    /// </summary>
    public static T KeepAsWritten<T>(T activity) where T : IActivity
    {
        ((Activity)(IActivity)activity).Properties[AsWrittenProperty] = true;
        return activity;
    }

    private const string AsWrittenProperty = "onestop.asWritten";

    /// <summary>Whether the message was marked as written; the mark is taken off so that no channel sees it.</summary>
    private static bool TakeAsWritten(Activity activity) => activity.Properties?.Remove(AsWrittenProperty) == true;

    private bool ForStaff(ITurnContext context) =>
        context.StaffName() is not null
        || (context.Activity.IsContinuation() && context.ChatAddress() is var chat && staff.CurrentValue.IsStaff(chat.ChannelId, chat.UserId));

    /// <summary>
    /// The text with the first use of each word not in <paramref name="explained"/> explained; the words explained,
    /// or already followed by a bracket of their own ("Chứng thực (công chứng)") or by their explanation in words, are
    /// added to it.
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
            // "tạm trú khi ở nơi khác một thời gian" explains itself: a bracket would say it twice.
            var saidAlready = FollowedByBracket(text, end) || text.Contains(term.Explanation, StringComparison.OrdinalIgnoreCase);
            taken.Add((at, end, saidAlready ? null : term.Explanation));
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
