using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Notices;

public sealed record RatingState(int? RatingId = null);

/// <summary>
/// The answer to a rating request: the router starts it when one of the rating buttons arrives with no dialog active.
/// The rating is stored at once, for the dossier this chat got back most recently; then an optional comment.
/// </summary>
public sealed class RatingDialog(RatingStore ratings, DossierStore dossiers) : WaterfallDialog<RatingState>(DialogIds.Rating)
{
    private static readonly Dictionary<string, Satisfaction> Scores =
        NoticeService.RatingChoices.ToDictionary(c => UserText.Fold(c.Label), c => c.Score, StringComparer.Ordinal);

    private readonly TextPrompt commentPrompt = new("rating.comment", maxLength: RatingStore.MaxCommentLength);

    public override IEnumerable<Dialog> Dependencies => [commentPrompt];

    /// <summary>Whether a message is one of the rating buttons.</summary>
    public static bool IsRatingAnswer(string? text) => Scores.ContainsKey(UserText.Fold(text).Trim());

    protected override RatingState CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<RatingState>> Steps() => [RateStepAsync, CommentStepAsync];

    private Task<DialogTurnResult> RateStepAsync(WaterfallStepContext<RatingState> step, CancellationToken cancellationToken)
    {
        var chat = step.Context.ChatAddress();
        var score = Scores[UserText.Fold(step.Context.Activity.Text).Trim()];
        var returned = dossiers.ListByOwner(chat.ChannelId, chat.UserId)
            .Where(d => d.Status == DossierStatus.ResultReturned)
            .MaxBy(d => d.ReturnedAt);
        var rating = ratings.Add(chat, score, returned?.Code);
        step.Values = new RatingState(rating.Id);
        return step.PromptAsync(commentPrompt.Id, new PromptOptions(RatingTexts.AskComment, RatingTexts.CommentRetry, [RatingTexts.Skip]), cancellationToken);
    }

    private async Task<DialogTurnResult> CommentStepAsync(WaterfallStepContext<RatingState> step, CancellationToken cancellationToken)
    {
        var comment = (string)step.Result!;
        if (UserText.Fold(comment) != UserText.Fold(RatingTexts.Skip))
        {
            ratings.AddComment(step.Values.RatingId!.Value, comment);
        }
        await step.Context.SendActivityAsync(Replies.WithChoices(RatingTexts.Thanks, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}

/// <summary>What the rating dialog says.</summary>
public static class RatingTexts
{
    public const string AskComment = "Cảm ơn anh/chị đã đánh giá. Anh/chị muốn góp ý thêm gì không? Gõ ý kiến, hoặc bấm \"Bỏ qua\".";
    public const string CommentRetry = "Anh/chị gõ ý kiến ngắn gọn (dưới 1.000 chữ), hoặc bấm \"Bỏ qua\".";
    public const string Skip = "Bỏ qua";
    public const string Thanks = "Em đã ghi nhận. Cảm ơn anh/chị! Anh/chị cần gì nữa, bấm nút bên dưới.";
}
