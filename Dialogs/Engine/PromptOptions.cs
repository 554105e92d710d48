namespace OneStopBot.Dialogs.Engine;

/// <summary>How a prompt asks.</summary>
/// <param name="Prompt">The question.</param>
/// <param name="RetryPrompt">Said when the answer is not understood; the prompt's own default when null.</param>
/// <param name="Choices">Buttons offered with the question; for a choice prompt, the choices themselves.</param>
/// <param name="MaxAttempts">Answers not understood before the prompt offers <paramref name="FallbackChoices"/> and a person.</param>
/// <param name="FallbackChoices">Buttons that answer the question, offered once answers keep failing (the next working days, "Bỏ qua").</param>
/// <param name="ShowsOwnNumbers">The question shows the resident's own phone number in full (<see cref="Replies.ShowingOwnNumbers"/>).</param>
public sealed record PromptOptions(
    string Prompt,
    string? RetryPrompt = null,
    IReadOnlyList<string>? Choices = null,
    int MaxAttempts = PromptOptions.DefaultMaxAttempts,
    IReadOnlyList<string>? FallbackChoices = null,
    bool ShowsOwnNumbers = false)
{
    public const int DefaultMaxAttempts = 3;
}
