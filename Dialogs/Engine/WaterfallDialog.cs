using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Telemetry;

namespace OneStopBot.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class;

/// <summary>
/// A dialog that runs its steps in order. Each step sends something and usually starts a prompt; the prompt's
/// answer arrives as <see cref="WaterfallStepContext{TState}.Result"/> in the next step. A step is named by its
/// method: the name is what is saved as the dialog's position, and the names in order are the dialog's version, so
/// a conversation saved before a deploy that renamed, added, removed or reordered steps is never resumed at a
/// wrong step.
/// </summary>
public abstract class WaterfallDialog<TState>(string id) : Dialog<WaterfallState<TState>>(id)
    where TState : class
{
    private static readonly string StepProperty = nameof(WaterfallState<TState>.Step);

    private static readonly string ValuesProperty = nameof(WaterfallState<TState>.Values);

    private NamedSteps? steps;

    private NamedSteps AllSteps => steps ??= NamedSteps.Of(Id, Steps());

    /// <summary>The steps, in the order the conversation takes them; each a method of its own, whose name is the step's.</summary>
    protected abstract IReadOnlyList<WaterfallStep<TState>> Steps();

    /// <summary>The state the dialog starts with, from the options it was begun with.</summary>
    protected abstract TState CreateState(object? options);

    public override string Version => AllSteps.Version;

    /// <summary>Also refuses a position that is not one of the steps' names (an index saved before steps had names), or no values.</summary>
    public override bool CanContinue(DialogInstance instance) =>
        base.CanContinue(instance)
        && instance.State[ValuesProperty] is JObject
        && instance.State[StepProperty] switch
        {
            null or { Type: JTokenType.Null } => true,
            JValue { Type: JTokenType.String, Value: string name } => AllSteps.IndexOf(name) is not null,
            _ => false,
        };

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        SetState(dc, new WaterfallState<TState>(null, CreateState(options)));
        return RunStepAsync(dc, 0, result: null, cancellationToken);
    }

    /// <summary>A waterfall only waits on its prompts; a message that reaches it directly moves it on.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        ResumeAsync(dc, dc.Context.Activity.Text, cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        var step = GetState(dc).Step;
        var index = step is null ? -1 : AllSteps.IndexOf(step) ?? throw new InvalidOperationException($"The waterfall '{Id}' has no step '{step}'.");
        return RunStepAsync(dc, index + 1, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= AllSteps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }
        var state = GetState(dc);
        SetState(dc, state with { Step = AllSteps.Names[index] });
        var step = new WaterfallStepContext<TState>(this, dc, state.Values, result, index);
        using var span = DialogTelemetry.StartStep(Id, AllSteps.Names[index], dc.Context);
        try
        {
            return await AllSteps.Run[index](step, cancellationToken);
        }
        catch (Exception failure) when (span is not null)
        {
            // The type only: an exception's message may quote what the resident typed.
            span.SetStatus(ActivityStatusCode.Error);
            span.SetTag("error.type", failure.GetType().FullName);
            throw;
        }
    }

    /// <summary>The name of the step <paramref name="instance"/> is at; null before the first or for a position this version does not know.</summary>
    public override string? StepOf(DialogInstance instance) =>
        instance.State[StepProperty] is JValue { Type: JTokenType.String, Value: string name } && AllSteps.IndexOf(name) is not null ? name : null;

    /// <summary>The position of the step named <paramref name="name"/>.</summary>
    internal int IndexOf(string name) =>
        AllSteps.IndexOf(name) ?? throw new ArgumentException($"The waterfall '{Id}' has no step '{name}'.", nameof(name));

    /// <summary>The values kept in <paramref name="instance"/>, an instance of this waterfall not active (a draft, one below a prompt).</summary>
    protected static TState ValuesOf(DialogInstance instance) => DialogContext.ReadState<WaterfallState<TState>>(instance).Values;

    /// <summary>Puts <paramref name="instance"/> before its first step with <paramref name="values"/>: resuming it runs the steps again from the first.</summary>
    protected static void Rewind(DialogInstance instance, TState values) =>
        DialogContext.WriteState(instance, new WaterfallState<TState>(null, values));

    internal static void SaveValues(DialogContext dc, TState values)
    {
        var state = GetState(dc);
        SetState(dc, state with { Values = values });
    }

    /// <summary>The steps with their names, and the version the names make.</summary>
    private sealed record NamedSteps(IReadOnlyList<WaterfallStep<TState>> Run, string[] Names, string Version)
    {
        public int Count => Run.Count;

        public int? IndexOf(string name)
        {
            var index = Array.IndexOf(Names, name);
            return index < 0 ? null : index;
        }

        public static NamedSteps Of(string dialogId, IReadOnlyList<WaterfallStep<TState>> steps)
        {
            var names = steps.Select(step => step.Method.Name).ToArray();
            // A lambda or a local function has a name the compiler makes up and may change at any build.
            if (names.FirstOrDefault(name => !IsPlainName(name)) is { } made)
            {
                throw new InvalidOperationException($"A step of the waterfall '{dialogId}' is not a method of its own ('{made}'): its saved position needs a stable name.");
            }
            if (names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
            {
                throw new InvalidOperationException($"The waterfall '{dialogId}' has the step '{twice.Key}' twice: a saved position would not say which.");
            }
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names)));
            return new NamedSteps(steps, names, $"{dialogId}:{Convert.ToHexString(hash, 0, 6)}");
        }

        private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}

/// <summary>Where a waterfall is (the name of the step it ran last; null before the first), and its typed values.</summary>
public sealed record WaterfallState<TState>(string? Step, TState Values)
    where TState : class;
