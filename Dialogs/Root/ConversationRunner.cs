using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Office;

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
    private readonly OfficeOptions office;

    public ConversationRunner(DialogSet dialogs, ConversationState conversationState, RootRouter router, IOptions<OfficeOptions> office)
    {
        this.dialogs = dialogs;
        this.router = router;
        this.office = office.Value;
        stackAccessor = conversationState.CreateProperty<DialogStack>(nameof(DialogStack));
    }

    public Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        SendMenuAsync(turnContext, Format(RootTexts.Welcome), cancellationToken);

    public async Task RunMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var stack = await stackAccessor.GetAsync(turnContext, () => new DialogStack(), cancellationToken);
        var dc = new DialogContext(dialogs, turnContext, stack);
        var text = turnContext.Activity.Text;

        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(RootTexts.OnlyText), cancellationToken);
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
                await SendMenuAsync(turnContext, Format(RootTexts.GaveUp), cancellationToken);
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
                await SendMenuAsync(dc.Context, hadDialog ? RootTexts.Cancelled : RootTexts.NothingToCancel, cancellationToken);
                return true;
            case Interruption.Help:
                if (dc.ActiveDialog is null)
                {
                    await SendMenuAsync(dc.Context, RootTexts.Help, cancellationToken);
                }
                else
                {
                    await dc.Context.SendActivityAsync(MessageFactory.Text(RootTexts.Help), cancellationToken);
                    await dc.RepromptAsync(cancellationToken);
                }
                return true;
            case Interruption.Menu:
                await dc.CancelAllDialogsAsync();
                await SendMenuAsync(dc.Context, RootTexts.Menu, cancellationToken);
                return true;
            case Interruption.Human:
                await dc.CancelAllDialogsAsync();
                await router.StartAsync(dc, DialogIds.TalkToStaff, options: null, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private string Format(string template) =>
        string.Format(CultureInfo.InvariantCulture, template, office.OfficeName, office.Phone, office.WorkingHours);

    internal static Task SendMenuAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);
}
