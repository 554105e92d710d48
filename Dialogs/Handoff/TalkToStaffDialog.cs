using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Handoff;

public sealed record TalkToStaffState;

/// <summary>
/// "Gặp cán bộ": the resident types a question, which goes to every staff chat with a short reference; staff answer
/// with <c>/traloi</c>. Until then, or when no staff chat is known, the resident gets the phone and office hours.
/// </summary>
public sealed class TalkToStaffDialog(NoticeService notices, CommuneContext communes)
    : WaterfallDialog<TalkToStaffState>(DialogIds.TalkToStaff)
{
    private readonly TextPrompt questionPrompt = new("human.question", maxLength: NoticeService.MaxTextLength);

    public override IEnumerable<Dialog> Dependencies => [questionPrompt];

    protected override TalkToStaffState CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<TalkToStaffState>> Steps() => [AskStepAsync, ForwardStepAsync];

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<TalkToStaffState> step, CancellationToken cancellationToken)
    {
        if (!notices.CanReachStaff())
        {
            await step.Context.SendActivityAsync(Replies.WithChoices(Format(TalkToStaffTexts.CallInstead), MainMenu.Items), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        return await step.PromptAsync(questionPrompt.Id, new PromptOptions(TalkToStaffTexts.AskQuestion, TalkToStaffTexts.QuestionRetry), cancellationToken);
    }

    private async Task<DialogTurnResult> ForwardStepAsync(WaterfallStepContext<TalkToStaffState> step, CancellationToken cancellationToken)
    {
        var outcome = notices.ForwardToStaff(step.Context.ChatAddress(), (string)step.Result!);
        var text = outcome.Value is { StaffReached: > 0 } forwarded
            ? Format(TalkToStaffTexts.Forwarded, forwarded.Handoff.Id)
            : outcome.Error?.Message() ?? Format(TalkToStaffTexts.CallInstead);
        await step.Context.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);
        return await step.EndDialogAsync(outcome.Value?.Handoff.Id, cancellationToken);
    }

    private string Format(string template, string reference = "")
    {
        var facts = communes.Current.Office;
        return TextTemplate.Fill(template, facts.Phone, facts.WorkingHours, reference);
    }
}

/// <summary>What the talk-to-staff dialog says. {0}: the office phone, {1}: the office hours, {2}: the reference.</summary>
public static class TalkToStaffTexts
{
    public const string AskQuestion =
        "Anh/chị gõ câu hỏi cho cán bộ vào đây. Em sẽ chuyển ngay. Xin đừng gửi số căn cước hay số điện thoại trong tin nhắn.";
    public const string QuestionRetry = "Anh/chị gõ câu hỏi bằng chữ, dưới 2.000 chữ nhé.";
    public const string Forwarded =
        "Em đã chuyển câu hỏi cho cán bộ, mã {2}. Cán bộ sẽ trả lời tại đây. Cần gấp, anh/chị gọi số {0}. Giờ làm việc: {1}.";
    public const string CallInstead = "Hiện chưa có cán bộ trực tin nhắn. Anh/chị gọi số {0} để gặp cán bộ. Giờ làm việc: {1}.";
}
