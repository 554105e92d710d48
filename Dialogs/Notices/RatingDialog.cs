using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Notices;

public sealed record RatingState(int? RatingId = null, bool Unhappy = false);

/// <summary>
/// The answer to a rating request: the router starts it when one of the rating buttons arrives with no dialog active
/// and <see cref="IsAwaited"/>. The rating is stored at once, for the returned dossier of this chat still unrated;
/// then an optional comment. An unhappy resident gets an apology and is asked what went wrong; the comment is kept
/// with the rating, which staff see with the dossier (/hoso).
/// </summary>
public sealed class RatingDialog(IRatingStore ratings, IDossierStore dossiers) : WaterfallDialog<RatingState>(DialogIds.Rating)
{
    /// <summary>Buttons under a rating request, in the order residents see them.</summary>
    public static readonly IReadOnlyList<string> ChoiceLabels = [.. RatingWording.Choices.Select(c => c.Label)];

    private static readonly Dictionary<string, Satisfaction> Scores =
        RatingWording.Choices.ToDictionary(c => UserText.Fold(c.Label), c => c.Score, StringComparer.Ordinal);

    private readonly TextPrompt commentPrompt = new("rating.comment", maxLength: RatingStore.MaxCommentLength);

    public override IEnumerable<Dialog> Dependencies => [commentPrompt];

    /// <summary>Whether a message is one of the rating buttons.</summary>
    public static bool IsRatingAnswer(string? text) => Scores.ContainsKey(UserText.Fold(text).Trim());

    /// <summary>
    /// Whether this chat was asked for a rating it has not given: it filed a dossier whose result was returned (which is
    /// when the request goes out) and nobody has rated that dossier yet. Anything else is an ordinary message.
    /// </summary>
    public async Task<bool> IsAwaitedAsync(ITurnContext context, CancellationToken cancellationToken) =>
        await AwaitedDossierAsync(context.ChatAddress(), cancellationToken) is not null;

    protected override RatingState CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<RatingState>> Steps() => [RateStepAsync, CommentStepAsync];

    private async Task<DialogTurnResult> RateStepAsync(WaterfallStepContext<RatingState> step, CancellationToken cancellationToken)
    {
        var chat = step.Context.ChatAddress();
        var score = Scores[UserText.Fold(step.Context.Activity.Text).Trim()];
        if (await AwaitedDossierAsync(chat, cancellationToken) is not { } returned || ratings.AddOnce(chat, score, returned.Code) is not { } rating)
        {
            await step.Context.SendActivityAsync(Replies.WithChoices(RatingTexts.AlreadyRated, MainMenu.Items), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var unhappy = score == Satisfaction.Unsatisfied;
        step.Values = new RatingState(rating.Id, unhappy);
        return await step.PromptAsync(
            commentPrompt.Id,
            new PromptOptions(unhappy ? RatingTexts.AskWhatWentWrong : RatingTexts.AskComment, RatingTexts.CommentRetry, [RatingTexts.Skip]),
            cancellationToken);
    }

    private async Task<Dossier?> AwaitedDossierAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        (await dossiers.ListByOwnerAsync(chat.ChannelId, chat.UserId, cancellationToken))
            .Where(d => d.Status == DossierStatus.ResultReturned && !ratings.IsRated(d.Code))
            .MaxBy(d => d.ReturnedAt);

    private async Task<DialogTurnResult> CommentStepAsync(WaterfallStepContext<RatingState> step, CancellationToken cancellationToken)
    {
        var comment = (string)step.Result!;
        var skipped = UserText.Fold(comment) == UserText.Fold(RatingTexts.Skip);
        if (!skipped)
        {
            // Staff read it: phone and ID numbers a resident typed stay masked.
            ratings.AddComment(step.Values.RatingId!.Value, Masking.NumbersIn(comment));
        }
        var thanks = (step.Values.Unhappy, skipped) switch
        {
            (true, false) => RatingTexts.SentToStaff,
            (true, true) => RatingTexts.SorryAgain,
            _ => RatingTexts.Thanks,
        };
        await step.Context.SendActivityAsync(Replies.WithChoices(thanks, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}

/// <summary>What the rating dialog says.</summary>
public static class RatingTexts
{
    /// <summary>{0}: the dossier code. It follows the status news in the same message.</summary>
    public const string Ask = "Hồ sơ {0} đã trả kết quả. Anh/chị có hài lòng với cách phục vụ không? Anh/chị chọn một ý bên dưới.";
    public const string AskComment = "Cảm ơn anh/chị đã đánh giá. Anh/chị muốn góp ý thêm gì không? Gõ ý kiến, hoặc bấm \"Bỏ qua\".";
    public const string CommentRetry = "Anh/chị gõ ý kiến ngắn gọn (dưới 1.000 chữ), hoặc bấm \"Bỏ qua\".";
    public const string Skip = "Bỏ qua";
    public const string AlreadyRated = "Em đã ghi nhận đánh giá của anh/chị rồi. Anh/chị cần gì nữa, bấm nút bên dưới.";
    public const string Thanks = "Em đã ghi nhận. Cảm ơn anh/chị! Anh/chị cần gì nữa, bấm nút bên dưới.";

    public const string AskWhatWentWrong =
        "Em xin lỗi vì anh/chị chưa hài lòng. Anh/chị cho em biết chưa tốt ở chỗ nào, em chuyển cho cán bộ xã xem để sửa. Hoặc bấm \"Bỏ qua\".";
    public const string SentToStaff = "Em đã chuyển ý kiến của anh/chị cho cán bộ xã. Cảm ơn anh/chị đã góp ý để xã làm tốt hơn!";
    public const string SorryAgain = "Em xin lỗi anh/chị một lần nữa. Anh/chị cần gặp cán bộ, bấm \"Gặp cán bộ\" bên dưới.";
}
