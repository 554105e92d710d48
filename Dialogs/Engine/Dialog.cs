namespace OneStopBot.Dialogs.Engine;

/// <summary>A unit of conversation that begins, may wait for the user, continues, resumes after a child, and ends.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Dialogs (prompts, children) this dialog starts; they are registered with it.</summary>
    public virtual IEnumerable<Dialog> Dependencies => [];

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again for what the dialog is waiting for (after an interruption such as help).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether this dialog, when active, takes <paramref name="foldedText"/> as its answer rather than as an
    /// interruption. A yes/no question takes "thôi" as "no", where elsewhere it means "stop".
    /// </summary>
    public virtual bool TakesAsAnswer(DialogContext dc, string foldedText) => false;
}

/// <summary>A dialog whose state is a typed record.</summary>
public abstract class Dialog<TState>(string id) : Dialog(id)
    where TState : class
{
    protected static TState GetState(DialogContext dc) => dc.GetActiveState<TState>();

    protected static void SetState(DialogContext dc, TState state) => dc.SetActiveState(state);
}
