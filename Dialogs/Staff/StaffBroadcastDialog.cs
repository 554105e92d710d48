using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Staff;

public sealed record StaffBroadcastState(string? Village = null, string? Text = null);

/// <summary>
/// <c>/thongbao</c>: the audience (every village or one), the text, a preview of exactly what residents get with the
/// number of chats it reaches, a confirmation, then the notice goes to the outbox. The worker reports back when done.
/// </summary>
public sealed class StaffBroadcastDialog(
    NoticeService notices,
    ISubscriptionStore subscriptions,
    CommuneContext communes)
    : WaterfallDialog<StaffBroadcastState>(DialogIds.StaffBroadcast)
{
    private readonly ChoicePrompt audiencePrompt = new("staff.thongbao.audience");
    // Longer texts are read by the validator, which says how long they are.
    private readonly TextPrompt textPrompt = new("staff.thongbao.text", ValidateTextAsync, maxLength: int.MaxValue);
    private readonly ConfirmPrompt confirmPrompt = new("staff.thongbao.confirm");

    public override IEnumerable<Dialog> Dependencies => [audiencePrompt, textPrompt, confirmPrompt];

    protected override StaffBroadcastState CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<StaffBroadcastState>> Steps() =>
        [AskAudienceStepAsync, AskTextStepAsync, PreviewStepAsync, SendStepAsync];

    private Task<DialogTurnResult> AskAudienceStepAsync(WaterfallStepContext<StaffBroadcastState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(audiencePrompt.Id, new PromptOptions(StaffBroadcastTexts.AskAudience, Choices: SubscribeDialog.VillageChoices(communes.Current.Office)), cancellationToken);

    private Task<DialogTurnResult> AskTextStepAsync(WaterfallStepContext<StaffBroadcastState> step, CancellationToken cancellationToken)
    {
        step.Values = step.Values with { Village = SubscribeDialog.VillageOf((FoundChoice)step.Result!, communes.Current.Office) };
        return step.PromptAsync(textPrompt.Id, new PromptOptions(StaffBroadcastTexts.AskText), cancellationToken);
    }

    private async Task<DialogTurnResult> PreviewStepAsync(WaterfallStepContext<StaffBroadcastState> step, CancellationToken cancellationToken)
    {
        var text = ((string)step.Result!).Trim();
        step.Values = step.Values with { Text = text };
        var audience = subscriptions.CountAudience(step.Values.Village);
        await step.Context.SendActivitiesAsync(
            [
                MessageFactory.Text(StaffBroadcastTexts.PreviewHeading),
                Replies.WithChoices(text, NoticeTexts.Broadcast),
            ],
            cancellationToken);
        var prompt = TextTemplate.Fill(StaffBroadcastTexts.Confirm, SubscribeDialog.AudienceName(step.Values.Village), audience);
        return await step.PromptAsync(confirmPrompt.Id, new PromptOptions(prompt, Choices: ConfirmPrompt.YesNo), cancellationToken);
    }

    private async Task<DialogTurnResult> SendStepAsync(WaterfallStepContext<StaffBroadcastState> step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(StaffBroadcastTexts.NotSent, cancellationToken: cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var values = step.Values;
        var outcome = notices.Broadcast(values.Text, values.Village, StaffActor.Of(step.Context), step.Context.ChatAddress());
        var reply = outcome.Value is { } notice
            ? TextTemplate.Fill(StaffBroadcastTexts.Accepted, notice.Id)
            : outcome.Error!.Message();
        await step.Context.SendActivityAsync(reply, cancellationToken: cancellationToken);
        return await step.EndDialogAsync(outcome.Value?.Id, cancellationToken);
    }

    private static Task<bool> ValidateTextAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        prompt.RetryMessage = NoticeService.ValidateText(prompt.Value)?.Message();
        return Task.FromResult(prompt.RetryMessage is null);
    }
}

/// <summary>What <c>/thongbao</c> says. {0}: the audience, {1}: how many chats; {0} in Accepted: the notice id.</summary>
public static class StaffBroadcastTexts
{
    public const string AskAudience = "Gửi thông báo cho thôn nào?";
    public const string AskText = "Nội dung thông báo (tối đa 2.000 ký tự)?";
    public const string PreviewHeading = "Người dân sẽ nhận được tin dưới đây:";
    public const string Confirm = "Gửi cho người đăng ký của {0}: {1} người. Gửi ngay?";
    public const string NotSent = "Đã huỷ, chưa gửi thông báo.";
    public const string Accepted = "Đã nhận thông báo số {0}. Đang gửi; xong sẽ có báo cáo tại đây.";
}
