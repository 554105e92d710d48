using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Notices;

public sealed record SubscribeState(bool Changing = false);

/// <summary>
/// "Nhận thông báo": all villages or one, then this chat is subscribed. A chat already subscribed is told so and may
/// change its village or stop.
/// </summary>
public sealed class SubscribeDialog(NoticeService notices, ISubscriptionStore subscriptions, CommuneContext communes)
    : WaterfallDialog<SubscribeState>(DialogIds.Subscribe)
{
    private static readonly IReadOnlyList<string> SubscribedChoices = [SubscribeTexts.Change, SubscribeTexts.Stop, SubscribeTexts.Keep];

    private readonly ChoicePrompt subscribedPrompt = new("subscribe.subscribed");
    private readonly ChoicePrompt villagePrompt = new("subscribe.village");

    public override IEnumerable<Dialog> Dependencies => [subscribedPrompt, villagePrompt];

    protected override SubscribeState CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<SubscribeState>> Steps() =>
        [CheckSubscribedStepAsync, AskVillageStepAsync, SubscribeStepAsync];

    /// <summary>The village buttons: every village of the commune, then all of them.</summary>
    public static IReadOnlyList<string> VillageChoices(OfficeOptions office) => [.. office.Villages, SubscribeTexts.AllVillages];

    /// <summary>The village a choice of <see cref="VillageChoices"/> stands for; null for all villages.</summary>
    public static string? VillageOf(FoundChoice choice, OfficeOptions office) =>
        choice.Index < office.Villages.Count ? office.Villages[choice.Index] : null;

    /// <summary>"Thôn 2" or "tất cả các thôn", as said in a sentence.</summary>
    public static string AudienceName(string? village) => village ?? SubscribeTexts.AllVillagesInSentence;

    private Task<DialogTurnResult> CheckSubscribedStepAsync(WaterfallStepContext<SubscribeState> step, CancellationToken cancellationToken)
    {
        if (subscriptions.Find(step.Context.ChatAddress()) is not { } subscription)
        {
            return step.NextAsync(null, cancellationToken);
        }
        var prompt = TextTemplate.Fill(SubscribeTexts.AlreadySubscribed, AudienceName(subscription.Village));
        return step.PromptAsync(subscribedPrompt.Id, new PromptOptions(prompt, Choices: SubscribedChoices), cancellationToken);
    }

    private async Task<DialogTurnResult> AskVillageStepAsync(WaterfallStepContext<SubscribeState> step, CancellationToken cancellationToken)
    {
        switch ((step.Result as FoundChoice)?.Value)
        {
            case SubscribeTexts.Stop:
                notices.Unsubscribe(step.Context.ChatAddress());
                await step.Context.SendActivityAsync(Replies.WithChoices(UnsubscribeTexts.Stopped, [MainMenu.Subscribe, NoticeButtons.Menu]), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case SubscribeTexts.Keep:
                await step.Context.SendActivityAsync(Replies.WithChoices(SubscribeTexts.Kept, MainMenu.Items), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
        step.Values = step.Values with { Changing = step.Result is FoundChoice };
        return await step.PromptAsync(villagePrompt.Id, new PromptOptions(SubscribeTexts.AskVillage, Choices: VillageChoices(communes.Current.Office)), cancellationToken);
    }

    private async Task<DialogTurnResult> SubscribeStepAsync(WaterfallStepContext<SubscribeState> step, CancellationToken cancellationToken)
    {
        var village = VillageOf((FoundChoice)step.Result!, communes.Current.Office);
        var outcome = notices.Subscribe(step.Context.ChatAddress(), village);
        var text = outcome.Error?.Message() ?? TextTemplate.Fill(step.Values.Changing ? SubscribeTexts.Changed : SubscribeTexts.Subscribed, AudienceName(village));
        await step.Context.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(village, cancellationToken);
    }
}

/// <summary>What the subscribe dialog says. {0}: the audience, "Thôn 2" or "tất cả các thôn".</summary>
public static class SubscribeTexts
{
    public const string AllVillages = "Tất cả các thôn";
    public const string AllVillagesInSentence = "tất cả các thôn";
    public const string AskVillage = "Anh/chị muốn nhận thông báo của thôn nào? Bấm một nút bên dưới.";
    public const string AlreadySubscribed = "Anh/chị đang nhận thông báo của {0}. Anh/chị muốn đổi thôn hay dừng nhận?";
    public const string Change = "Đổi thôn";
    public const string Stop = "Không nhận nữa";
    public const string Keep = "Giữ nguyên";
    public const string Kept = "Anh/chị vẫn nhận thông báo như cũ. Anh/chị cần gì nữa, bấm nút bên dưới.";
    public const string Subscribed = "Đã đăng ký. Anh/chị sẽ nhận thông báo của {0} tại đây. Muốn dừng, gõ \"Không nhận nữa\".";
    public const string Changed = "Đã đổi. Từ nay anh/chị nhận thông báo của {0}. Muốn dừng, gõ \"Không nhận nữa\".";
}
