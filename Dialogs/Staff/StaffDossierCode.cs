using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;

namespace OneStopBot.Dialogs.Staff;

/// <summary>The first step of the staff commands about one dossier (<c>/hoso MÃ</c>, <c>/capnhat MÃ</c>).</summary>
internal static class StaffDossierCode
{
    /// <summary>The code typed after the command, if any.</summary>
    public static string? Typed(object? options) => (options as FeatureOptions)?.Text is { Length: > 0 } code ? code : null;

    /// <summary>A code typed after the command goes straight to the next step; otherwise it is asked for.</summary>
    public static Task<DialogTurnResult> AskAsync<TState>(
        WaterfallStepContext<TState> step, string? code, TextPrompt prompt, string question, CancellationToken cancellationToken)
        where TState : class =>
        code is { } typed
            ? step.NextAsync(typed, cancellationToken)
            : step.PromptAsync(prompt.Id, new PromptOptions(question), cancellationToken);
}
