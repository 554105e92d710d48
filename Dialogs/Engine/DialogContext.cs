using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Telemetry;

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

    public Dialog? ActiveDialog => ActiveInstance is { } instance && Dialogs.TryFind(instance.Id, out var dialog) ? dialog : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId);
        Stack.Instances.Add(new DialogInstance { Id = dialogId, Version = dialog.Version });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Hands the user's message to the active dialog.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        // A stack that no dialog as it is now can go on from is ended rather than continued at a wrong step.
        await EndChangedDialogsAsync(cancellationToken);
        return ActiveDialog is { } dialog
            ? await dialog.ContinueAsync(this, cancellationToken)
            : DialogTurnResult.Empty;
    }

    /// <summary>Ends the active dialog; its parent resumes with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        await EndActiveAsync(DialogReason.Ended, cancellationToken);
        return ActiveDialog is { } parent
            ? await parent.ResumeAsync(this, result, cancellationToken)
            : new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts another in its place, without resuming the parent in between.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        await EndActiveAsync(DialogReason.Replaced, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken) =>
        EndAllDialogsAsync(DialogReason.Cancelled, cancellationToken);

    /// <summary>Ends every dialog, innermost first, each told <paramref name="reason"/>.</summary>
    public async Task<DialogTurnResult> EndAllDialogsAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var hadDialogs = Stack.Instances.Count > 0;
        await EndDialogsAboveAsync(0, reason, cancellationToken);
        return hadDialogs ? DialogTurnResult.Cancelled : DialogTurnResult.Empty;
    }

    /// <summary>Ends, innermost first, the dialogs above the first <paramref name="depth"/> of the stack.</summary>
    public async Task EndDialogsAboveAsync(int depth, DialogReason reason, CancellationToken cancellationToken)
    {
        while (Stack.Instances.Count > depth)
        {
            await EndActiveAsync(reason, cancellationToken);
        }
    }

    /// <summary>
    /// Ends every dialog with <see cref="DialogReason.VersionChanged"/> when one of the stack cannot be continued by
    /// the dialogs as they are now (saved before a deploy that changed or removed it); true when it did.
    /// </summary>
    public async Task<bool> EndChangedDialogsAsync(CancellationToken cancellationToken)
    {
        // Storage may hold a shape this version never wrote (no list at all): that is a change too.
        if (Stack.Instances is null)
        {
            Stack.Instances = [];
            return true;
        }
        if (Stack.Instances.TrueForAll(Dialogs.CanContinue))
        {
            return false;
        }
        await EndAllDialogsAsync(DialogReason.VersionChanged, cancellationToken);
        return true;
    }

    /// <summary>Tells the active dialog it ends, then takes it off the stack (a hook must leave the stack as it is).</summary>
    private async Task EndActiveAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (Stack.Instances.Count == 0)
        {
            return;
        }
        // A dialog no longer registered has no hook to call: it only leaves.
        if (ActiveInstance is { } instance && ActiveDialog is { } dialog)
        {
            // The outermost dialog stopped or put aside: where the resident turned away.
            if (Stack.Instances.Count == 1 && reason is DialogReason.Cancelled or DialogReason.Suspended)
            {
                Dialogs.Telemetry?.FellBack(FallbackReason.LeftDialog, Context, dialog.Id, dialog.StepOf(instance));
            }
            await dialog.EndAsync(this, instance, reason, cancellationToken);
        }
        Stack.Instances.RemoveAt(Stack.Instances.Count - 1);
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
