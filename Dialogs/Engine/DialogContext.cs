using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Dialogs.Engine;

/// <summary>The dialog stack of one conversation during one turn, and the operations that move it.</summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogStack stack)
{
    private static readonly JsonSerializer StateSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    });

    public ITurnContext Context { get; } = turnContext;

    public DialogSet Dialogs { get; } = dialogs;

    public DialogStack Stack { get; } = stack;

    public DialogInstance? ActiveInstance => Stack.Instances.Count == 0 ? null : Stack.Instances[^1];

    public Dialog? ActiveDialog => ActiveInstance is { } instance && Dialogs.Contains(instance.Id) ? Dialogs.Find(instance.Id) : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId);
        Stack.Instances.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Hands the user's message to the active dialog.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        // A dialog removed from the code since the state was saved cannot go on: start clean.
        if (ActiveInstance is not null && ActiveDialog is null)
        {
            Stack.Instances.Clear();
        }
        return ActiveDialog is { } dialog
            ? await dialog.ContinueAsync(this, cancellationToken)
            : DialogTurnResult.Empty;
    }

    /// <summary>Ends the active dialog; its parent resumes with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Instances.Count > 0)
        {
            Stack.Instances.RemoveAt(Stack.Instances.Count - 1);
        }
        return ActiveDialog is { } parent
            ? await parent.ResumeAsync(this, result, cancellationToken)
            : new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts another in its place, without resuming the parent in between.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        if (Stack.Instances.Count > 0)
        {
            Stack.Instances.RemoveAt(Stack.Instances.Count - 1);
        }
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync()
    {
        var hadDialogs = Stack.Instances.Count > 0;
        Stack.Instances.Clear();
        return Task.FromResult(hadDialogs ? DialogTurnResult.Cancelled : DialogTurnResult.Empty);
    }

    public Task RepromptAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } dialog ? dialog.RepromptAsync(this, cancellationToken) : Task.CompletedTask;

    internal TState GetActiveState<TState>()
        where TState : class =>
        ReadState<TState>(ActiveInstance ?? throw new InvalidOperationException("No dialog is active."));

    internal static TState ReadState<TState>(DialogInstance instance)
        where TState : class =>
        instance.State.ToObject<TState>(StateSerializer) ?? throw new InvalidOperationException("The dialog has no state.");

    internal static void WriteState<TState>(DialogInstance instance, TState state)
        where TState : class =>
        instance.State = JObject.FromObject(state, StateSerializer);

    internal void SetActiveState<TState>(TState state)
        where TState : class
    {
        WriteState(ActiveInstance ?? throw new InvalidOperationException("No dialog is active."), state);
    }
}
