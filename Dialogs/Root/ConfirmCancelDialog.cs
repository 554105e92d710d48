using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;

namespace OneStopBot.Dialogs.Root;

/// <param name="Purpose">What would be stopped ("nộp hồ sơ").</param>
/// <param name="Text">The word that may have been an answer after all ("dung" typed as a note); handed back on "Làm tiếp".</param>
public sealed record ConfirmCancelOptions(string Purpose, string? Text);

/// <summary>
/// "Anh/chị muốn dừng việc nộp hồ sơ?": asked once, above the question that was waiting, before answers are
/// thrown away or when a stop word without diacritics arrives at a free-text question. "Làm tiếp" (or anything
/// else) goes back to that question, with the word as its answer when it was one.
/// </summary>
public sealed class ConfirmCancelDialog() : Dialog<ConfirmCancelOptions>(DialogId)
{
    public const string DialogId = "root.confirmCancel";

    public static readonly IReadOnlyList<string> Choices = [ConfirmCancelTexts.Stop, ConfirmCancelTexts.GoOn];

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        SetState(dc, options as ConfirmCancelOptions ?? throw new ArgumentException("Needs ConfirmCancelOptions.", nameof(options)));
        await RepromptAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Context.Activity.Text ?? string.Empty;
        if (Stops(text))
        {
            return await dc.CancelAllDialogsAsync(cancellationToken);
        }
        var handedBack = GoesOn(text) ? GetState(dc).Text : text;
        return await dc.EndDialogAsync(handedBack is null ? null : new PromptAnswer(handedBack), cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(
            Replies.WithChoices(TextTemplate.Fill(ConfirmCancelTexts.Ask, GetState(dc).Purpose), Choices), cancellationToken);

    /// <summary>Every stop word, with diacritics or not, and yes/no, are this question's answers.</summary>
    public override Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        Task.FromResult(Stops(text) || GoesOn(text));

    private static bool Stops(string text) =>
        ChoiceRecognizer.Recognize(text, Choices) is { Succeeded: true, Value.Index: 0 }
        || Interruptions.Classify(text).Kind is Interruption.Cancel or Interruption.SoftCancel
        || ConfirmRecognizer.Recognize(text) is { Succeeded: true, Value: true };

    private static bool GoesOn(string text) =>
        ChoiceRecognizer.Recognize(text, Choices) is { Succeeded: true, Value.Index: 1 }
        || ConfirmRecognizer.Recognize(text) is { Succeeded: true, Value: false };
}

/// <summary>What the stop question says. {0}: what would be stopped.</summary>
public static class ConfirmCancelTexts
{
    public const string Ask = "Anh/chị muốn dừng việc {0}? Những gì đã gõ sẽ bị xoá.";
    public const string Stop = "Dừng";
    public const string GoOn = "Làm tiếp";
}
