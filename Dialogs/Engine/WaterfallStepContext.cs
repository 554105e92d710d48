using Microsoft.Bot.Builder;

namespace OneStopBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the turn, the dialog's typed values and the previous step's result.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class
{
    private readonly WaterfallDialog<TState> dialog;
    private readonly int index;
    private TState values;

    internal WaterfallStepContext(WaterfallDialog<TState> dialog, DialogContext dc, TState values, object? result, int index)
    {
        this.dialog = dialog;
        this.values = values;
        DialogContext = dc;
        Result = result;
        this.index = index;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    /// <summary>What the previous step's prompt or child dialog ended with.</summary>
    public object? Result { get; }

    /// <summary>The dialog's values; setting them saves them with the dialog.</summary>
    public TState Values
    {
        get => values;
        set
        {
            values = value;
            WaterfallDialog<TState>.SaveValues(DialogContext, value);
        }
    }

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken) =>
        DialogContext.BeginDialogAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips to the next step at once, as if a prompt had answered <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) =>
        dialog.RunStepAsync(DialogContext, index + 1, result, cancellationToken);

    /// <summary>Goes to the step named <paramref name="stepName"/> (back, to correct a field), with the values as they are now.</summary>
    public Task<DialogTurnResult> GoToStepAsync(string stepName, CancellationToken cancellationToken) =>
        dialog.RunStepAsync(DialogContext, dialog.IndexOf(stepName), result: null, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
