using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Reminders;

namespace OneStopBot.Dialogs.Root;

/// <summary>
/// Runs one message turn: what is heard above every dialog first (stop, help, back, menu, a person, a rating, a
/// request for another feature), then the active dialog, and when no dialog is active, the router picks what to
/// start. A command word that is also an answer to the waiting question is that answer.
/// </summary>
public sealed class ConversationRunner
{
    private readonly DialogSet dialogs;
    private readonly IStatePropertyAccessor<DialogStack> stackAccessor;
    private readonly RootRouter router;
    private readonly RootReplies replies;
    private readonly DialogDrafts drafts;
    private readonly ButtonPages pages;

    public ConversationRunner(DialogSet dialogs, ConversationState conversationState, RootRouter router, RootReplies replies, DialogDrafts drafts, ButtonPages pages)
    {
        this.dialogs = dialogs;
        this.router = router;
        this.replies = replies;
        this.drafts = drafts;
        this.pages = pages;
        stackAccessor = conversationState.CreateProperty<DialogStack>(nameof(DialogStack));
    }

    public Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        pages.Attach(turnContext);
        return replies.WelcomeAsync(turnContext, cancellationToken);
    }

    public async Task RunMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        dialogs.Telemetry?.Turn(turnContext);
        pages.Attach(turnContext);
        // "Khác…" under a long list shows its next buttons; the question they answer goes on waiting.
        if (await pages.TryNextPageAsync(turnContext, cancellationToken))
        {
            return;
        }
        var stack = await stackAccessor.GetAsync(turnContext, () => new DialogStack(), cancellationToken);
        var dc = new DialogContext(dialogs, turnContext, stack);
        var text = turnContext.Activity.Text;

        // Saved before a deploy that changed the dialog: its question may no longer be the one the message answers.
        if (await dc.EndChangedDialogsAsync(cancellationToken))
        {
            await replies.MenuAsync(turnContext, RootTexts.Restarted, cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is null)
        {
            await turnContext.SendActivityAsync(RootTexts.OnlyText, cancellationToken: cancellationToken);
            await dc.RepromptAsync(cancellationToken);
            return;
        }

        if (!await drafts.TryResumeAsync(dc, text, cancellationToken) && !await TryInterruptAsync(dc, text ?? string.Empty, cancellationToken))
        {
            var result = await dc.ContinueDialogAsync(cancellationToken);
            switch (result.Status)
            {
                case DialogTurnStatus.Empty or DialogTurnStatus.Unhandled:
                    await router.RouteAsync(dc, cancellationToken);
                    break;
                case DialogTurnStatus.Cancelled:
                    await replies.MenuAsync(turnContext, RootTexts.Cancelled, cancellationToken);
                    break;
            }
        }
        await drafts.OfferAsync(dc, cancellationToken);
    }

    private async Task<bool> TryInterruptAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var heard = Interruptions.Classify(text);
        if (dc.ActiveDialog is not { } active)
        {
            // "dung" after an answer is "đúng" (yes, that one) far more often than "dừng" with nothing to stop.
            return !(heard is { Sure: false } && await router.IsYesToTopicAsync(dc.Context, text, cancellationToken))
                && await InterruptIdleAsync(dc, heard.Kind, cancellationToken);
        }

        // A rating button answers the rating request it came with, whatever is open; the dialog goes on after it.
        // Without a request waiting for it, it is ordinary input to the open question.
        if (RatingDialog.IsRatingAnswer(text) && dc.Dialogs.Find(DialogIds.Rating) is RatingDialog rating && await rating.IsAwaitedAsync(dc.Context, cancellationToken))
        {
            await router.StartAsync(dc, DialogIds.Rating, new FeatureOptions(null, text), cancellationToken);
            return true;
        }

        // "dừng nhắc" is never an answer (a name, a comment): the reminders stop and the question waits.
        if (ReminderCommands.IsStop(text))
        {
            await drafts.SuspendAsync(dc, cancellationToken);
            await router.RouteAsync(dc, cancellationToken);
            return true;
        }

        var takes = await active.TakesAsAnswerAsync(dc, text, cancellationToken);
        if (heard.Kind == Interruption.None)
        {
            // "Tra cứu hồ sơ" or a dossier code at a question that cannot take it: that feature, the draft kept. Another
            // question where the day of a deadline was asked: that question. Thanks or a goodbye: a polite close.
            if (!takes && (router.IsFeatureRequest(dc, text) || router.IsClosing(text) || dc.Stack.Instances.Any(i => IGuidedDialog.Of(dc.Dialogs.Find(i.Id)).IsLeftFor(text))))
            {
                await drafts.SuspendAsync(dc, cancellationToken);
                await router.RouteAsync(dc, cancellationToken);
                return true;
            }
            return false;
        }
        // "Dũng" is a name and "Đúng" a yes; "thôi" is "no" to a yes/no question, never a name.
        if (takes && (!heard.Sure || (heard.Kind == Interruption.SoftCancel && !IGuidedDialog.Of(active).IsOpen)))
        {
            return false;
        }

        switch (heard.Kind)
        {
            case Interruption.Cancel or Interruption.SoftCancel:
                await CancelAsync(dc, active, heard, text, cancellationToken);
                return true;
            case Interruption.Help:
                await dc.Context.SendActivityAsync(RootTexts.Help, cancellationToken: cancellationToken);
                await dc.RepromptAsync(cancellationToken);
                return true;
            case Interruption.Back when await TryStepBackAsync(dc, cancellationToken):
                return true;
            case Interruption.Human:
                await drafts.SuspendAsync(dc, cancellationToken);
                await router.StartAsync(dc, DialogIds.TalkToStaff, options: null, cancellationToken);
                return true;
            default:
                await drafts.SuspendAsync(dc, cancellationToken);
                await replies.MenuAsync(dc.Context, RootTexts.Menu, cancellationToken);
                return true;
        }
    }

    private async Task<bool> InterruptIdleAsync(DialogContext dc, Interruption kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case Interruption.Cancel or Interruption.SoftCancel:
                await replies.MenuAsync(dc.Context, RootTexts.NothingToCancel, cancellationToken);
                return true;
            case Interruption.Help:
                await replies.MenuAsync(dc.Context, RootTexts.Help, cancellationToken);
                return true;
            case Interruption.Menu or Interruption.Back:
                await replies.MenuAsync(dc.Context, RootTexts.Menu, cancellationToken);
                return true;
            case Interruption.Human:
                await router.StartAsync(dc, DialogIds.TalkToStaff, options: null, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Stops at once, unless that would throw away two answers or more, or the word, typed without diacritics at a
    /// free-text question, may be its answer: then asks once.
    /// </summary>
    private async Task CancelAsync(DialogContext dc, Dialog active, Heard heard, string text, CancellationToken cancellationToken)
    {
        var outer = dc.Stack.Instances[0];
        var outerDialog = IGuidedDialog.Of(dc.Dialogs.Find(outer.Id));
        var mayBeAnswer = !heard.Sure && IGuidedDialog.Of(active).IsOpen;
        if (active.Id != ConfirmCancelDialog.DialogId && (mayBeAnswer || outerDialog.Answers(outer) >= 2))
        {
            var purpose = outerDialog.Purpose ?? RootTexts.CurrentTask;
            await dc.BeginDialogAsync(ConfirmCancelDialog.DialogId, new ConfirmCancelOptions(purpose, mayBeAnswer ? text : null), cancellationToken);
            return;
        }
        await dc.CancelAllDialogsAsync(cancellationToken);
        await replies.MenuAsync(dc.Context, RootTexts.Cancelled, cancellationToken);
    }

    /// <summary>"quay lại": the innermost dialog that can go back one answer asks that question again.</summary>
    private static async Task<bool> TryStepBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var instances = dc.Stack.Instances;
        for (var i = instances.Count - 2; i >= 0; i--)
        {
            var dialog = dc.Dialogs.Find(instances[i].Id);
            if (IGuidedDialog.Of(dialog).TryStepBack(instances[i]))
            {
                // The questions asked above it are withdrawn.
                await dc.EndDialogsAboveAsync(i + 1, DialogReason.Cancelled, cancellationToken);
                await dialog.ResumeAsync(dc, null, cancellationToken);
                return true;
            }
        }
        return false;
    }
}
