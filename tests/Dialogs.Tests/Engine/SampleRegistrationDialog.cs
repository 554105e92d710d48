using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;

namespace OneStopBot.Dialogs.Tests.Engine;

public sealed record SampleRegistration(string? Name = null, string? Phone = null, DateOnly? Day = null);

/// <summary>How the sample's steps differ in a later version of it, as a deploy may change a dialog.</summary>
public enum SampleSteps
{
    Today,
    Renamed,
    Added,
    Removed,
    Reordered,
}

/// <summary>A small waterfall that exercises every kind of prompt the engine offers; <paramref name="steps"/>: which version of it.</summary>
public sealed class SampleRegistrationDialog(TimeProvider time, SampleSteps steps = SampleSteps.Today) : WaterfallDialog<SampleRegistration>(DialogIds.PreRegister)
{
    public const string AskName = "Họ tên của anh/chị là gì?";
    public const string AskPhone = "Số điện thoại của anh/chị?";
    public const string AskDay = "Anh/chị muốn đến ngày nào?";
    public const string NotAWorkingDay = "Ngày đó cơ quan nghỉ. Anh/chị chọn ngày từ thứ Hai đến thứ Sáu.";
    public const string AskConfirm = "Anh/chị xác nhận gửi nhé?";
    public const string Done = "Đã ghi nhận";
    public const string NotSent = "Chưa gửi";

    private readonly TextPrompt namePrompt = new("sample.name");
    private readonly PhonePrompt phonePrompt = new("sample.phone");
    private readonly DatePrompt dayPrompt = new("sample.day", time, TimeZoneInfo.Utc, IsWeekdayAsync);
    private readonly ConfirmPrompt confirmPrompt = new("sample.confirm");

    public override IEnumerable<Dialog> Dependencies => [namePrompt, phonePrompt, dayPrompt, confirmPrompt];

    protected override SampleRegistration CreateState(object? options) => new();

    protected override IReadOnlyList<WaterfallStep<SampleRegistration>> Steps() => steps switch
    {
        SampleSteps.Renamed => [AskNameStepAsync, AskMobileStepAsync, AskDayStepAsync, ConfirmStepAsync, FinishStepAsync],
        SampleSteps.Added => [AskNameStepAsync, AskPhoneStepAsync, KeepNameStepAsync, AskDayStepAsync, ConfirmStepAsync, FinishStepAsync],
        SampleSteps.Removed => [AskNameStepAsync, AskPhoneStepAsync, ConfirmStepAsync, FinishStepAsync],
        SampleSteps.Reordered => [AskPhoneStepAsync, AskNameStepAsync, AskDayStepAsync, ConfirmStepAsync, FinishStepAsync],
        _ => [AskNameStepAsync, AskPhoneStepAsync, AskDayStepAsync, ConfirmStepAsync, FinishStepAsync],
    };

    private Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken) =>
        step.PromptAsync(namePrompt.Id, new PromptOptions(AskName), cancellationToken);

    private Task<DialogTurnResult> AskPhoneStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken)
    {
        step.Values = step.Values with { Name = (string)step.Result! };
        return step.PromptAsync(phonePrompt.Id, new PromptOptions(AskPhone, MaxAttempts: 2), cancellationToken);
    }

    private Task<DialogTurnResult> AskMobileStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken) =>
        AskPhoneStepAsync(step, cancellationToken);

    private static Task<DialogTurnResult> KeepNameStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken) =>
        step.NextAsync(step.Result, cancellationToken);

    private Task<DialogTurnResult> AskDayStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken)
    {
        step.Values = step.Values with { Phone = (string)step.Result! };
        return step.PromptAsync(dayPrompt.Id, new PromptOptions(AskDay, Choices: ["Ngày mai"]), cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken)
    {
        step.Values = step.Values with { Day = (DateOnly)step.Result! };
        return step.PromptAsync(confirmPrompt.Id, new PromptOptions(AskConfirm, Choices: ConfirmPrompt.YesNo), cancellationToken);
    }

    private static async Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        var text = (bool)step.Result! ? $"{Done}: {values.Name}, {values.Phone}, {values.Day:dd/MM/yyyy}" : NotSent;
        await step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        return await step.EndDialogAsync(values, cancellationToken);
    }

    private static Task<bool> IsWeekdayAsync(PromptValidatorContext<DateOnly> prompt, CancellationToken cancellationToken)
    {
        if (prompt.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            prompt.RetryMessage = NotAWorkingDay;
            return Task.FromResult(false);
        }
        return Task.FromResult(true);
    }
}
