using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Notices;

/// <summary>Started after a pre-registration: the village of the dossier just filed.</summary>
public sealed record OfferNoticesOptions(string Village);

public sealed record OfferNoticesState(string Village);

/// <summary>
/// Asks a chat that just filed a dossier, once in its life, whether it wants the commune's notices; yes subscribes it
/// to the dossier's village. A chat already subscribed, or asked before, is not asked. The question is asked by the
/// way: any answer other than yes or no leaves it, and the message is handled as if it had not been asked.
/// </summary>
public sealed class OfferNoticesDialog(NoticeService notices, ISubscriptionStore subscriptions) : Dialog<OfferNoticesState>(DialogId)
{
    public const string DialogId = "notices.offer";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var village = (options as OfferNoticesOptions)?.Village ?? throw new ArgumentException("The offer needs the dossier's village.", nameof(options));
        var chat = dc.Context.ChatAddress();
        if (subscriptions.IsSubscribed(chat) || !subscriptions.TryMarkAsked(chat))
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        SetState(dc, new OfferNoticesState(village));
        await AskAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Context.Activity.Text;
        var answer = ConfirmRecognizer.Recognize(text);
        // "Không hài lòng" answers a rating request that arrived since, not this question.
        if (!answer.Succeeded || RatingDialog.IsRatingAnswer(text))
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
            return DialogTurnResult.Empty;
        }
        var reply = OfferNoticesTexts.Declined;
        if (answer.Value)
        {
            var village = GetState(dc).Village;
            var outcome = notices.Subscribe(dc.Context.ChatAddress(), village);
            reply = outcome.Error?.Message() ?? TextTemplate.Fill(SubscribeTexts.Subscribed, village);
        }
        await dc.Context.SendActivityAsync(Replies.WithChoices(reply, MainMenu.Items), cancellationToken);
        return await dc.EndDialogAsync(answer.Value, cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => AskAsync(dc, cancellationToken);

    public override Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        Task.FromResult(ConfirmRecognizer.Recognize(text).Succeeded);

    private static Task AskAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(Replies.WithChoices(TextTemplate.Fill(OfferNoticesTexts.Ask, GetState(dc).Village), ConfirmPrompt.YesNo), cancellationToken);
}

/// <summary>What the offer after a pre-registration says. {0}: the village.</summary>
public static class OfferNoticesTexts
{
    public const string Ask = "Anh/chị có muốn nhận thông báo của xã cho {0} tại đây không?";
    public const string Declined = "Dạ, em không gửi thông báo. Khi cần, anh/chị bấm \"Nhận thông báo\".";
}
