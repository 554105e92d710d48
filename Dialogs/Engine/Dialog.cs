namespace OneStopBot.Dialogs.Engine;

/// <summary>Why a dialog leaves the stack.</summary>
public enum DialogReason
{
    /// <summary>It ended itself, with a result for its parent.</summary>
    Ended,

    /// <summary>It ended so that another dialog starts in its place.</summary>
    Replaced,

    /// <summary>It was stopped from outside before it ended: a stop word, a question withdrawn by going back.</summary>
    Cancelled,

    /// <summary>It was put aside with its state, to be put back on the stack later as it was.</summary>
    Suspended,

    /// <summary>Its state was saved by another version of the dialog, which this one cannot go on from.</summary>
    VersionChanged,
}

/// <summary>A unit of conversation that begins, may wait for the user, continues, resumes after a child, and ends.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Dialogs (prompts, children) this dialog starts; they are registered with it.</summary>
    public virtual IEnumerable<Dialog> Dependencies => [];

    /// <summary>
    /// Stamped on every instance the dialog begins: an instance stamped otherwise was saved by another version of the
    /// dialog (before a deploy) and is not continued. The id by default; a waterfall adds its steps.
    /// </summary>
    public virtual string Version => Id;

    /// <summary>Where in this dialog <paramref name="instance"/> is, by a name that is the same in every conversation (a waterfall's step); null when the dialog has no steps.</summary>
    public virtual string? StepOf(DialogInstance instance) => null;

    /// <summary>Whether this dialog, as it is now, can go on from <paramref name="instance"/>.</summary>
    public virtual bool CanContinue(DialogInstance instance) => instance.Version == Version;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again for what the dialog is waiting for (after an interruption such as help).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether this dialog, when active, takes <paramref name="text"/> as its answer rather than as an interruption:
    /// a yes/no question takes "thôi" as "no" and "Đúng" as "yes"; the name question takes "Dũng" as a name.
    /// </summary>
    public virtual Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    /// <summary>
    /// Called on every instance leaving the stack, whatever the <paramref name="reason"/>, while it is still the active
    /// instance. With <see cref="DialogReason.VersionChanged"/> the state is another version's: read it with care.
    /// </summary>
    public virtual Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>A dialog whose state is a typed record.</summary>
public abstract class Dialog<TState>(string id) : Dialog(id)
    where TState : class
{
    protected static TState GetState(DialogContext dc) => dc.GetActiveState<TState>();

    protected static void SetState(DialogContext dc, TState state) => dc.SetActiveState(state);
}
