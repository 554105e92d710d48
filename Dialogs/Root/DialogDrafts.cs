using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Root;

/// <summary>A dialog put aside when something interrupted it, with every answer given so far.</summary>
public sealed record DialogDraft(List<DialogInstance> Instances, string Purpose, DateTimeOffset SavedAt, bool Offered);

/// <summary>
/// Keeps the resident's answers when a person, a menu request or a status lookup interrupts a dialog that has a
/// <see cref="IGuidedDialog.Purpose"/>: the dialog is put aside in conversation state, offered back with "Tiếp tục …"
/// once the interruption is over, and restored exactly where it was, for <see cref="KeepFor"/>. A draft that the
/// dialogs as they are now cannot go on from (kept over a deploy that changed them) is never restored.
/// </summary>
public sealed class DialogDrafts
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(3);

    private static readonly string ResumeWord = UserText.Fold(DraftTexts.Resume).Trim();

    private readonly IStatePropertyAccessor<DialogDraft> accessor;
    private readonly TimeProvider time;
    private readonly RootReplies replies;

    public DialogDrafts(ConversationState conversationState, TimeProvider time, RootReplies replies)
    {
        accessor = conversationState.CreateProperty<DialogDraft>(nameof(DialogDraft));
        this.time = time;
        this.replies = replies;
    }

    public static string ResumeButton(string purpose) => DraftTexts.Resume + purpose;

    /// <summary>Clears the stack, keeping the outermost dialog and the prompts it was waiting on when it has answers worth keeping.</summary>
    public async Task SuspendAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var instances = dc.Stack.Instances;
        var kept = new List<DialogInstance>();
        if (instances.Count > 0 && IGuidedDialog.Of(dc.Dialogs.Find(instances[0].Id)) is { Purpose: { } purpose } outer && outer.Answers(instances[0]) > 0)
        {
            // Only the dialog's own chain: a rating or a stop question above it is not part of the draft.
            kept.Add(instances[0]);
            while (kept.Count < instances.Count && dc.Dialogs.Find(kept[^1].Id).Dependencies.Any(d => d.Id == instances[kept.Count].Id))
            {
                kept.Add(instances[kept.Count]);
            }
            await accessor.SetAsync(dc.Context, new DialogDraft(kept, purpose, time.GetUtcNow(), Offered: false), cancellationToken);
        }
        // What the draft does not keep is stopped; what it keeps is put aside.
        await dc.EndDialogsAboveAsync(kept.Count, DialogReason.Cancelled, cancellationToken);
        await dc.EndAllDialogsAsync(DialogReason.Suspended, cancellationToken);
    }

    /// <summary>Once nothing is going on, says once that the draft is waiting.</summary>
    public async Task OfferAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Stack.Instances.Count > 0 || await CurrentAsync(dc.Context, cancellationToken) is not { Offered: false } draft)
        {
            return;
        }
        if (!CanContinue(dc, draft))
        {
            // Never offered, so nothing the resident was told is taken back.
            await accessor.DeleteAsync(dc.Context, cancellationToken);
            return;
        }
        await accessor.SetAsync(dc.Context, draft with { Offered = true }, cancellationToken);
        await dc.Context.SendActivityAsync(
            Replies.WithChoices(TextTemplate.Fill(DraftTexts.Offer, draft.Purpose), [ResumeButton(draft.Purpose), MainMenu.AskProcedure]), cancellationToken);
    }

    /// <summary>"Tiếp tục nộp hồ sơ" (or just "tiếp tục") with no dialog going on: the draft is restored and asked again.</summary>
    public async Task<bool> TryResumeAsync(DialogContext dc, string? text, CancellationToken cancellationToken)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!');
        if (dc.Stack.Instances.Count > 0 || !folded.StartsWith(ResumeWord, StringComparison.Ordinal)
            || await CurrentAsync(dc.Context, cancellationToken) is not { } draft
            || (folded != ResumeWord && folded != UserText.Fold(ResumeButton(draft.Purpose))))
        {
            return false;
        }
        await accessor.DeleteAsync(dc.Context, cancellationToken);
        if (!CanContinue(dc, draft))
        {
            await replies.MenuAsync(dc.Context, RootTexts.Restarted, cancellationToken);
            return true;
        }
        dc.Stack.Instances.AddRange(draft.Instances);
        await dc.Context.SendActivityAsync(DraftTexts.Resumed, cancellationToken: cancellationToken);
        await dc.RepromptAsync(cancellationToken);
        return true;
    }

    private async Task<DialogDraft?> CurrentAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var draft = await accessor.GetAsync(context, () => null!, cancellationToken);
        if (draft is not null && time.GetUtcNow() - draft.SavedAt > KeepFor)
        {
            await accessor.DeleteAsync(context, cancellationToken);
            return null;
        }
        return draft;
    }

    private static bool CanContinue(DialogContext dc, DialogDraft draft) => draft.Instances is { } instances && instances.TrueForAll(dc.Dialogs.CanContinue);
}

/// <summary>What is said about a dialog put aside. {0}: what the resident was doing ("nộp hồ sơ").</summary>
public static class DraftTexts
{
    public const string Resume = "Tiếp tục ";
    public const string Offer = "Anh/chị đang {0} dở, em vẫn giữ các thông tin đã gõ. Bấm nút bên dưới để làm tiếp.";
    public const string Resumed = "Dạ, mình làm tiếp nhé.";
}
