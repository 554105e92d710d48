using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Root;

/// <summary>
/// Runs one message turn: interruptions first (cancel, help, menu, a person), then the active dialog, and when no
/// dialog is active, the router picks what to start.
/// </summary>
public sealed class ConversationRunner
{
    private readonly DialogSet dialogs;
    private readonly IStatePropertyAccessor<DialogStack> stackAccessor;
    private readonly RootRouter router;
    private readonly RootReplies replies;

    public ConversationRunner(DialogSet dialogs, ConversationState conversationState, RootRouter router, RootReplies replies)
    {
        this.dialogs = dialogs;
        this.router = router;
        this.replies = replies;
        stackAccessor = conversationState.CreateProperty<DialogStack>(nameof(DialogStack));
    }

    public Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        replies.WelcomeAsync(turnContext, cancellationToken);

    public async Task RunMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var stack = await stackAccessor.GetAsync(turnContext, () => new DialogStack(), cancellationToken);
        var dc = new DialogContext(dialogs, turnContext, stack);
        var text = turnContext.Activity.Text;

        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is null)
        {
            await turnContext.SendActivityAsync(RootTexts.OnlyText, cancellationToken: cancellationToken);
            await dc.RepromptAsync(cancellationToken);
            return;
        }

        if (await TryInterruptAsync(dc, text, cancellationToken))
        {
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        switch (result.Status)
        {
            case DialogTurnStatus.Empty:
                await router.RouteAsync(dc, cancellationToken);
                break;
            case DialogTurnStatus.Abandoned:
                await replies.GaveUpAsync(turnContext, cancellationToken);
                break;
        }
    }

    private async Task<bool> TryInterruptAsync(DialogContext dc, string? text, CancellationToken cancellationToken)
    {
        var interruption = Interruptions.Classify(text);
        if (interruption == Interruption.SoftCancel && dc.ActiveDialog?.TakesAsAnswer(dc, UserText.Fold(text)) == true)
        {
            return false;
        }

        switch (interruption)
        {
            case Interruption.Cancel or Interruption.SoftCancel:
                var hadDialog = await dc.CancelAllDialogsAsync() == DialogTurnResult.Cancelled;
                await replies.MenuAsync(dc.Context, hadDialog ? RootTexts.Cancelled : RootTexts.NothingToCancel, cancellationToken);
                return true;
            case Interruption.Help:
                if (dc.ActiveDialog is null)
                {
                    await replies.MenuAsync(dc.Context, RootTexts.Help, cancellationToken);
                }
                else
                {
                    await dc.Context.SendActivityAsync(RootTexts.Help, cancellationToken: cancellationToken);
                    await dc.RepromptAsync(cancellationToken);
                }
                return true;
            case Interruption.Menu:
                await dc.CancelAllDialogsAsync();
                await replies.MenuAsync(dc.Context, RootTexts.Menu, cancellationToken);
                return true;
            case Interruption.Human:
                await dc.CancelAllDialogsAsync();
                await router.StartAsync(dc, DialogIds.TalkToStaff, options: null, cancellationToken);
                return true;
            default:
                return false;
        }
    }
}
