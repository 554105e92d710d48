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
    /// Whether this dialog, when active, takes <paramref name="text"/> as its answer rather than as an interruption:
    /// a yes/no question takes "thôi" as "no" and "Đúng" as "yes"; the name question takes "Dũng" as a name.
    /// </summary>
    public virtual Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    /// <summary>
    /// An open question (free text, a name): it could take any words as its answer, so a command typed without
    /// diacritics is asked about rather than obeyed or swallowed.
    /// </summary>
    public virtual bool IsOpen => false;

    /// <summary>
    /// Whether <paramref name="text"/> leaves this dialog's question for another (the day a deadline is counted from,
    /// answered with "có mất tiền không"): such a message is read as a new message rather than asked for again.
    /// </summary>
    public virtual bool IsLeftFor(string text) => false;

    /// <summary>
    /// What the resident is doing in this dialog, for "Anh/chị muốn dừng việc …?" and "Tiếp tục …"; null for a
    /// dialog whose draft is not worth keeping when something interrupts it.
    /// </summary>
    public virtual string? Purpose => null;

    /// <summary>How many answers the resident has given in <paramref name="instance"/>: losing two or more is asked about first.</summary>
    public virtual int Answers(DialogInstance instance) => 0;

    /// <summary>
    /// Rewinds <paramref name="instance"/> by one answer ("quay lại"), so that resuming it asks that question
    /// again; false when there is nothing to go back to.
    /// </summary>
    public virtual bool TryStepBack(DialogInstance instance) => false;
}

/// <summary>A dialog whose state is a typed record.</summary>
public abstract class Dialog<TState>(string id) : Dialog(id)
    where TState : class
{
    protected static TState GetState(DialogContext dc) => dc.GetActiveState<TState>();

    protected static void SetState(DialogContext dc, TState state) => dc.SetActiveState(state);
}
