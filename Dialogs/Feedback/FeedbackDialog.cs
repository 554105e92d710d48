using OneStopBot.Office.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;

namespace OneStopBot.Dialogs.Feedback;

public sealed record FeedbackState;

/// <summary>"Góp ý": anyone, any time, types what they want to tell the office; it is kept and they are thanked.</summary>
public sealed class FeedbackDialog(IFeedbackStore feedback) : WaterfallDialog<FeedbackState>(DialogIds.Feedback)
{
    private readonly TextPrompt textPrompt = new("feedback.text", maxLength: FeedbackStore.MaxLength);

    public override IEnumerable<Dialog> Dependencies => [textPrompt];

    protected override FeedbackState CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<FeedbackState>> Steps() => [AskStepAsync, SaveStepAsync];

    private Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<FeedbackState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(textPrompt.Id, new PromptOptions(FeedbackTexts.Ask, FeedbackTexts.Retry), cancellationToken);

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStepContext<FeedbackState> step, CancellationToken cancellationToken)
    {
        // Staff read feedback; a phone or ID number typed into it stays masked, as in every kept text.
        feedback.Add(step.Context.ChatAddress(), Masking.NumbersIn((string)step.Result!));
        await step.Context.SendActivityAsync(Replies.WithChoices(FeedbackTexts.Thanks, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}

/// <summary>What the feedback dialog says.</summary>
public static class FeedbackTexts
{
    public const string Ask = "Anh/chị muốn góp ý gì cho bộ phận một cửa? Anh/chị gõ ý kiến vào đây.";
    public const string Retry = "Anh/chị gõ ý kiến bằng chữ, dưới 2.000 chữ nhé.";
    public const string Thanks = "Em đã ghi nhận góp ý. Cảm ơn anh/chị! Anh/chị cần gì nữa, bấm nút bên dưới.";
}
