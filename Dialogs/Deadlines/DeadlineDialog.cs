using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Reminders;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Deadlines;

/// <summary>How the deadline dialog starts: the procedure, and the message, which may already give the day.</summary>
public sealed record DeadlineOptions(string ProcedureId, string? Text);

public sealed record DeadlineState(string ProcedureId, DateOnly? EventDay);

/// <summary>The deadline this conversation last worked out, for "Nhắc tôi trước hạn".</summary>
public sealed record DeadlineOffer(string ProcedureId, DateOnly EventDay);

/// <summary>Keeps the last deadline worked out in the conversation.</summary>
public sealed class DeadlineOffers(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<DeadlineOffer?> accessor = conversationState.CreateProperty<DeadlineOffer?>(nameof(DeadlineOffer));

    public Task<DeadlineOffer?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        accessor.GetAsync(turnContext, () => null, cancellationToken);

    public Task SetAsync(ITurnContext turnContext, DeadlineOffer? offer, CancellationToken cancellationToken) =>
        accessor.SetAsync(turnContext, offer, cancellationToken);
}

/// <summary>
/// "Còn kịp không?": the day the limit counts from (read from the message, or asked), then the last day counted from
/// today in the office's calendar, or what to do now when it has passed.
/// </summary>
public sealed class DeadlineDialog(
    ProcedureCatalog catalog,
    WorkingCalendar calendar,
    TimeProvider time,
    DeadlineOffers offers,
    IOptions<ReminderOptions> reminders) : WaterfallDialog<DeadlineState>(DialogIds.Deadline), IGuidedDialog
{
    private readonly DatePrompt dayPrompt = new("deadline.day", time, calendar.TimeZone, (prompt, _) => Task.FromResult(NotInFuture(prompt, calendar)), DateDirection.Past);

    public override IEnumerable<Dialog> Dependencies => [dayPrompt];

    // "có mất tiền không" instead of the day: the count waits, the question is answered; a day not yet come is asked again.
    public bool IsLeftFor(string text) => DateRecognizer.Recognize(text, calendar.Today, DateDirection.Past) is not { Succeeded: true };

    /// <summary>The day a message gives, read as a day gone by; null when it gives none.</summary>
    public static DateOnly? DayIn(string? text, DateOnly today) =>
        DateRecognizer.Recognize(text, today, DateDirection.Past) is { Succeeded: true, Value: var day } && day <= today ? day : null;

    protected override DeadlineState CreateState(object? options)
    {
        var ask = (DeadlineOptions)options!;
        return new DeadlineState(ask.ProcedureId, DayIn(ask.Text, calendar.Today));
    }

    protected override IReadOnlyList<WaterfallStep<DeadlineState>> Steps() => [AskDayStepAsync, AnswerStepAsync];

    private Task<DialogTurnResult> AskDayStepAsync(WaterfallStepContext<DeadlineState> step, CancellationToken cancellationToken)
    {
        if (step.Values.EventDay is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        var rule = catalog.Find(step.Values.ProcedureId)!.DeadlineRule!;
        return step.PromptAsync(dayPrompt.Id, new PromptOptions(DeadlineWording.Question(rule.From), DeadlineTexts.Retry), cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext<DeadlineState> step, CancellationToken cancellationToken)
    {
        var eventDay = step.Result is DateOnly typed ? typed : step.Values.EventDay!.Value;
        var procedure = catalog.Find(step.Values.ProcedureId)!;
        var answer = DeadlineWording.Compose(procedure, procedure.DeadlineRule!, eventDay, calendar.Today, calendar, reminders.Value.DeadlineLeadDays);
        // Kept while the limit runs, so that a late "Nhắc tôi trước hạn" is told it is too late rather than not understood.
        await offers.SetAsync(step.Context, answer.LastDay < calendar.Today ? null : new DeadlineOffer(procedure.Id, eventDay), cancellationToken);
        await step.Context.SendActivityAsync(Replies.WithChoices(answer.Text, Buttons(procedure, answer.RemindOn is not null)), cancellationToken);
        return await step.EndDialogAsync(procedure.Id, cancellationToken);
    }

    private static List<string> Buttons(Procedure procedure, bool canRemind)
    {
        var buttons = new List<string> { canRemind ? DeadlineTexts.RemindButton : ProcedureTexts.DocumentsButton };
        if (procedure.Handler != ProcedureHandler.Unconfirmed)
        {
            buttons.Add(MainMenu.PreRegister);
        }
        buttons.Add(MainMenu.TalkToStaff);
        buttons.Add(ProcedureTexts.OtherProcedureButton);
        return buttons;
    }

    private static bool NotInFuture(PromptValidatorContext<DateOnly> prompt, WorkingCalendar calendar)
    {
        prompt.RetryMessage = prompt.Value > calendar.Today ? TextTemplate.Fill(DeadlineTexts.NotYet, DossierFormat.Day(prompt.Value)) : null;
        return prompt.RetryMessage is null;
    }
}
