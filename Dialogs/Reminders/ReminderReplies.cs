using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Reminders;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Reminders;

/// <summary>The answers to "dừng nhắc" and "Nhắc tôi trước hạn", for this chat only.</summary>
public sealed class ReminderReplies(
    ReminderStore store,
    ReminderPlanner planner,
    DeadlineOffers offers,
    ProcedureCatalog catalog,
    IOptions<ReminderOptions> options)
{
    public async Task StopAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // The chat the turn came from, as its channel established it: nobody stops another chat's reminders.
        var stopped = store.Stop(turnContext.ChatAddress());
        var text = (stopped > 0 ? TextTemplate.Fill(ReminderTexts.Stopped, stopped) : ReminderTexts.StoppedNone) + "\n" + ReminderTexts.Restart;
        await turnContext.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);
    }

    public async Task RemindDeadlineAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await offers.GetAsync(turnContext, cancellationToken) is not { } offer || catalog.Find(offer.ProcedureId) is not { DeadlineRule: not null } procedure)
        {
            await turnContext.SendActivityAsync(Replies.WithChoices(ReminderTexts.NothingToRemind, MainMenu.Items), cancellationToken);
            return;
        }
        var (remindOn, isNew) = planner.ScheduleDeadline(turnContext.ChatAddress(), procedure, offer.EventDay);
        var text = remindOn is not { } day ? ReminderTexts.TooLate
            : isNew ? TextTemplate.Fill(ReminderTexts.WillRemind, DossierFormat.Day(day), options.Value.DeadlineLeadDays)
            : ReminderTexts.AlreadySet;
        await turnContext.SendActivityAsync(Replies.WithChoices(text, [MainMenu.PreRegister, MainMenu.TalkToStaff, MainMenu.AskProcedure]), cancellationToken);
    }
}
