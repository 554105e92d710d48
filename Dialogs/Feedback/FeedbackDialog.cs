using OneStopBot.Office.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;

namespace OneStopBot.Dialogs.Feedback;

/// <param name="Remark">The message that started the dialog when it is itself praise or a complaint.</param>
public sealed record FeedbackState(string? Remark = null);

/// <summary>
/// "Góp ý": anyone, any time, types what they want to tell the office; it is kept and they are thanked. Praise or a
/// complaint told straight away ("cán bộ làm nhanh quá", "chờ cả buổi không ai tiếp") is kept as it is, unasked.
/// </summary>
public sealed class FeedbackDialog(IFeedbackStore feedback) : WaterfallDialog<FeedbackState>(DialogIds.Feedback)
{
    private readonly TextPrompt textPrompt = new("feedback.text", maxLength: FeedbackStore.MaxLength);

    public override IEnumerable<Dialog> Dependencies => [textPrompt];

    protected override FeedbackState CreateState(object? options) =>
        new((options as FeatureOptions)?.Text is { Length: > 0 and <= FeedbackStore.MaxLength } remark ? remark : null);

    protected override IReadOnlyList<WaterfallStep<FeedbackState>> Steps() => [AskStepAsync, SaveStepAsync];

    private Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<FeedbackState> step, CancellationToken cancellationToken) =>
        step.Values.Remark is { } remark
            ? step.NextAsync(remark, cancellationToken)
            : step.PromptAsync(textPrompt.Id, new PromptOptions(FeedbackTexts.Ask, FeedbackTexts.Retry), cancellationToken);

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStepContext<FeedbackState> step, CancellationToken cancellationToken)
    {
        // Staff read feedback; a phone or ID number typed into it stays masked, as in every kept text.
        feedback.Add(step.Context.ChatAddress(), Masking.NumbersIn((string)step.Result!));
        var thanks = step.Values.Remark is null ? FeedbackTexts.Thanks : FeedbackTexts.RemarkKept;
        await step.Context.SendActivityAsync(Replies.WithChoices(thanks, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}

/// <summary>What the feedback dialog says.</summary>
public static class FeedbackTexts
{
    public const string Ask = "Anh/chị muốn góp ý gì cho bộ phận một cửa? Anh/chị gõ ý kiến vào đây.";
    public const string Retry = "Anh/chị gõ ý kiến bằng chữ, dưới 2.000 chữ nhé.";
    public const string Thanks = "Em đã ghi nhận góp ý. Cảm ơn anh/chị! Anh/chị cần gì nữa, bấm nút bên dưới.";

    /// <summary>Praise or a complaint told straight away: thanked, and kept for the commune's staff.</summary>
    public const string RemarkKept =
        "Dạ, em cảm ơn anh/chị đã cho biết. Em đã ghi lại ý kiến này để cán bộ xã xem. Anh/chị cần gì nữa, bấm nút bên dưới.";
}
