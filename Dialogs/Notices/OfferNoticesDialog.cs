using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Notices;

/// <summary>Started after a pre-registration: the village of the dossier just filed.</summary>
public sealed record OfferNoticesOptions(string Village);

public sealed record OfferNoticesState(string Village);

/// <summary>
/// Asks a chat that just filed a dossier, once in its life, whether it wants the commune's notices; yes subscribes it
/// to the dossier's village. A chat already subscribed, or asked before, is not asked.
/// </summary>
public sealed class OfferNoticesDialog(NoticeService notices, SubscriptionStore subscriptions) : WaterfallDialog<OfferNoticesState>(DialogId)
{
    public const string DialogId = "notices.offer";

    private readonly ConfirmPrompt confirmPrompt = new("notices.offer.confirm");

    public override IEnumerable<Dialog> Dependencies => [confirmPrompt];

    protected override OfferNoticesState CreateState(object? options) =>
        new((options as OfferNoticesOptions)?.Village ?? throw new ArgumentException("The offer needs the dossier's village.", nameof(options)));

    protected override IReadOnlyList<WaterfallStep<OfferNoticesState>> Steps() => [AskStepAsync, AnswerStepAsync];

    private Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<OfferNoticesState> step, CancellationToken cancellationToken)
    {
        var chat = step.Context.ChatAddress();
        if (subscriptions.IsSubscribed(chat) || !subscriptions.TryMarkAsked(chat))
        {
            return step.EndDialogAsync(null, cancellationToken);
        }
        var prompt = DossierFormat.Text(OfferNoticesTexts.Ask, step.Values.Village);
        return step.PromptAsync(confirmPrompt.Id, new PromptOptions(prompt, Choices: ConfirmPrompt.YesNo), cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext<OfferNoticesState> step, CancellationToken cancellationToken)
    {
        var text = OfferNoticesTexts.Declined;
        if (step.Result is true)
        {
            var outcome = await notices.SubscribeAsync(step.Context.ChatAddress(), step.Values.Village);
            text = outcome.Error?.Message ?? DossierFormat.Text(SubscribeTexts.Subscribed, step.Values.Village);
        }
        await step.Context.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(step.Result, cancellationToken);
    }
}

/// <summary>What the offer after a pre-registration says. {0}: the village.</summary>
public static class OfferNoticesTexts
{
    public const string Ask = "Anh/chị có muốn nhận thông báo của xã cho {0} tại đây không?";
    public const string Declined = "Dạ, em không gửi thông báo. Khi cần, anh/chị bấm \"Nhận thông báo\".";
}
