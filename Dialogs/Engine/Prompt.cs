using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OneStopBot.Dialogs.Engine;

/// <summary>What a recogniser made of an answer.</summary>
public readonly record struct Recognition<T>(bool Succeeded, T Value)
{
    public static Recognition<T> Failed => new(false, default!);

    public static Recognition<T> Of(T value) => new(true, value);
}

/// <summary>What a validator sees, and where it may put a more precise retry message.</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, T value, PromptOptions options, int attempt)
{
    public ITurnContext Context { get; } = context;

    public T Value { get; } = value;

    public PromptOptions Options { get; } = options;

    /// <summary>1 for the first answer.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>Said instead of the retry prompt when the value is refused.</summary>
    public string? RetryMessage { get; set; }

    /// <summary>Buttons offered with <see cref="RetryMessage"/> (the next working days after a refused date).</summary>
    public IReadOnlyList<string>? RetryChoices { get; set; }
}

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

/// <summary>The persisted state of a prompt: how it asked, and how many answers it has refused.</summary>
public sealed record PromptState(PromptOptions Options, int Attempts);

/// <summary>An answer handed to a prompt from above it: the word the resident chose not to use as a command.</summary>
public sealed record PromptAnswer(string Text);

/// <summary>
/// Asks a question and waits until the answer is understood and valid. It never gives up on the resident: after
/// <see cref="PromptOptions.MaxAttempts"/> answers it cannot use, it offers buttons that answer it and a person,
/// and keeps waiting, so nothing typed before is lost.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog<PromptState>(id)
{
    protected abstract string DefaultRetryPrompt { get; }

    /// <summary>Whether a validator may refuse what <see cref="Recognize"/> accepts.</summary>
    protected bool HasValidator => validator is not null;

    /// <summary>Turns the resident's message into a value, or fails.</summary>
    protected abstract Recognition<T> Recognize(string? text, PromptOptions options);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        SetState(dc, new PromptState(promptOptions, 0));
        await SendAsync(dc.Context, promptOptions.Prompt, promptOptions.Choices, cancellationToken, promptOptions.ShowsOwnNumbers);
        return DialogTurnResult.Waiting;
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Context.Activity.Type == ActivityTypes.Message
            ? AnswerAsync(dc, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.Waiting);

    /// <summary>A dialog started above this one (a rating, "dừng?") ended: ask again, or take the word it hands back.</summary>
    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        if (result is PromptAnswer answer)
        {
            return await AnswerAsync(dc, answer.Text, cancellationToken);
        }
        await RepromptAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var options = GetState(dc).Options;
        var recognition = Recognize(text, options);
        return recognition.Succeeded
            && (validator is null || await validator(new PromptValidatorContext<T>(dc.Context, recognition.Value, options, 1), cancellationToken));
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = GetState(dc);
        return SendAsync(dc.Context, state.Options.Prompt, ButtonsAfter(state.Options, state.Attempts, null), cancellationToken, state.Options.ShowsOwnNumbers);
    }

    private async Task<DialogTurnResult> AnswerAsync(DialogContext dc, string? text, CancellationToken cancellationToken)
    {
        var state = GetState(dc);
        var attempt = state.Attempts + 1;
        var recognition = Recognize(text, state.Options);
        string? retryMessage = null;
        IReadOnlyList<string>? retryChoices = null;
        if (recognition.Succeeded)
        {
            var validation = new PromptValidatorContext<T>(dc.Context, recognition.Value, state.Options, attempt);
            if (validator is null || await validator(validation, cancellationToken))
            {
                return await dc.EndDialogAsync(recognition.Value, cancellationToken);
            }
            retryMessage = validation.RetryMessage;
            retryChoices = validation.RetryChoices;
        }

        SetState(dc, state with { Attempts = attempt });
        await SendAsync(dc.Context, retryMessage ?? state.Options.RetryPrompt ?? DefaultRetryPrompt, ButtonsAfter(state.Options, attempt, retryChoices), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The buttons after <paramref name="attempts"/> refused answers: the answers that would do, then a person.</summary>
    private static IReadOnlyList<string>? ButtonsAfter(PromptOptions options, int attempts, IReadOnlyList<string>? retryChoices)
    {
        var choices = retryChoices ?? (attempts >= options.MaxAttempts ? options.FallbackChoices : null) ?? options.Choices;
        if (attempts < options.MaxAttempts || (choices ?? []).Contains(Replies.TalkToStaff))
        {
            return choices;
        }
        // First when the buttons do not fit in one message, so that a person is on the page a phone shows.
        return choices is { Count: >= Replies.MaxButtons } ? [Replies.TalkToStaff, .. choices] : [.. choices ?? [], Replies.TalkToStaff];
    }

    private static Task SendAsync(ITurnContext context, string text, IReadOnlyList<string>? choices, CancellationToken cancellationToken, bool ownNumbers = false)
    {
        var message = Replies.WithChoices(text, choices);
        return context.SendActivityAsync(ownNumbers ? Replies.ShowingOwnNumbers(message) : message, cancellationToken);
    }
}
