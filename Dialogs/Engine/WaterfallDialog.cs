namespace OneStopBot.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class;

/// <summary>
/// A dialog that runs its steps in order. Each step sends something and usually starts a prompt; the prompt's
/// answer arrives as <see cref="WaterfallStepContext{TState}.Result"/> in the next step.
/// </summary>
public abstract class WaterfallDialog<TState>(string id) : Dialog<WaterfallState<TState>>(id)
    where TState : class
{
    private IReadOnlyList<WaterfallStep<TState>>? steps;

    private IReadOnlyList<WaterfallStep<TState>> AllSteps => steps ??= Steps();

    /// <summary>The steps, in the order the conversation takes them.</summary>
    protected abstract IReadOnlyList<WaterfallStep<TState>> Steps();

    /// <summary>The state the dialog starts with, from the options it was begun with.</summary>
    protected abstract TState CreateState(object? options);

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        SetState(dc, new WaterfallState<TState>(-1, CreateState(options)));
        return RunStepAsync(dc, 0, result: null, cancellationToken);
    }

    /// <summary>A waterfall only waits on its prompts; a message that reaches it directly moves it on.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        ResumeAsync(dc, dc.Context.Activity.Text, cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, GetState(dc).Step + 1, result, cancellationToken);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= AllSteps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }
        var state = GetState(dc);
        SetState(dc, state with { Step = index });
        var step = new WaterfallStepContext<TState>(this, dc, state.Values, result, index);
        return await AllSteps[index](step, cancellationToken);
    }

    public override int Answers(DialogInstance instance) => CountAnswers(DialogContext.ReadState<WaterfallState<TState>>(instance).Values);

    public override bool TryStepBack(DialogInstance instance)
    {
        var state = DialogContext.ReadState<WaterfallState<TState>>(instance);
        if (StepBack(state.Values) is not { } earlier)
        {
            return false;
        }
        // Resuming runs step 0 again; each step skips what is still known, so only the cleared answer is asked.
        DialogContext.WriteState(instance, new WaterfallState<TState>(-1, earlier));
        return true;
    }

    /// <summary>How many answers <paramref name="values"/> hold.</summary>
    protected virtual int CountAnswers(TState values) => 0;

    /// <summary>
    /// <paramref name="values"/> without the last answer given, for a waterfall whose steps skip what is known; null
    /// when the waterfall cannot go back.
    /// </summary>
    protected virtual TState? StepBack(TState values) => null;

    internal static void SaveValues(DialogContext dc, TState values)
    {
        var state = GetState(dc);
        SetState(dc, state with { Values = values });
    }
}

/// <summary>Where a waterfall is, and its typed values.</summary>
public sealed record WaterfallState<TState>(int Step, TState Values)
    where TState : class;
