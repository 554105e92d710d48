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
}

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

/// <summary>The persisted state of a prompt: how it asked, and how many answers it has refused.</summary>
public sealed record PromptState(PromptOptions Options, int Attempts);

/// <summary>
/// Asks a question and waits until the answer is understood and valid. After too many answers that are not,
/// it gives up: the dialogs are cancelled with <see cref="DialogTurnStatus.Abandoned"/>, and the bot offers a person.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog<PromptState>(id)
{
    protected abstract string DefaultRetryPrompt { get; }

    /// <summary>Turns the resident's message into a value, or fails.</summary>
    protected abstract Recognition<T> Recognize(ITurnContext context, PromptOptions options);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        SetState(dc, new PromptState(promptOptions, 0));
        await SendAsync(dc.Context, promptOptions.Prompt, promptOptions, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var state = GetState(dc);
        var attempt = state.Attempts + 1;
        var recognition = Recognize(dc.Context, state.Options);
        string? retryMessage = null;
        if (recognition.Succeeded)
        {
            var validation = new PromptValidatorContext<T>(dc.Context, recognition.Value, state.Options, attempt);
            if (validator is null || await validator(validation, cancellationToken))
            {
                return await dc.EndDialogAsync(recognition.Value, cancellationToken);
            }
            retryMessage = validation.RetryMessage;
        }

        if (attempt >= state.Options.MaxAttempts)
        {
            await dc.CancelAllDialogsAsync();
            return DialogTurnResult.Abandoned;
        }

        SetState(dc, state with { Attempts = attempt });
        await SendAsync(dc.Context, retryMessage ?? state.Options.RetryPrompt ?? DefaultRetryPrompt, state.Options, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var options = GetState(dc).Options;
        return SendAsync(dc.Context, options.Prompt, options, cancellationToken);
    }

    private static Task SendAsync(ITurnContext context, string text, PromptOptions options, CancellationToken cancellationToken) =>
        context.SendActivityAsync(Replies.WithChoices(text, options.Choices), cancellationToken);
}
