using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Root;

/// <summary>What the bot says outside any dialog, with the office's facts filled in.</summary>
public sealed class RootReplies(CommuneContext communes, WorkingCalendar calendar)
{
    public Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        MenuAsync(turnContext, Format(RootTexts.Welcome), cancellationToken);

    /// <param name="day">A day the resident asked about ("lễ 30/4", "chủ nhật"): whether the office works then comes first.</param>
    public Task OfficeFactsAsync(ITurnContext turnContext, DateOnly? day, CancellationToken cancellationToken)
    {
        var facts = communes.Current.Office;
        var text = Format(RootTexts.OfficeFacts) + (facts.Villages.Count > 0 ? RootTexts.Villages + string.Join(", ", facts.Villages) + "." : string.Empty);
        return MenuAsync(turnContext, day is { } asked ? OpenOn(asked) + "\n" + text : text, cancellationToken);
    }

    /// <summary>Whether the office works on a day, from the office's calendar (weekends and the public holidays configured).</summary>
    private string OpenOn(DateOnly day)
    {
        var named = DossierFormat.Day(day);
        return calendar.HolidayName(day) is { } holiday ? string.Format(CultureInfo.InvariantCulture, RootTexts.ClosedHoliday, named, holiday)
            : calendar.IsWorkingDay(day) ? string.Format(CultureInfo.InvariantCulture, RootTexts.OpenDay, named)
            : string.Format(CultureInfo.InvariantCulture, RootTexts.ClosedWeekend, named);
    }

    public Task ThanksAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        BackToWorkAsync(turnContext, RootTexts.Thanks, cancellationToken);

    /// <summary>Small talk or an insult: one polite line back to what the bot does, not the whole menu.</summary>
    public Task ChitChatAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        BackToWorkAsync(turnContext, RootTexts.ChitChat, cancellationToken);

    /// <summary>Where to go for a procedure another agency handles: only the facts of its file, then the office's phone for more.</summary>
    public Task OtherAgencyAsync(ITurnContext turnContext, OtherAgency agency, CancellationToken cancellationToken)
    {
        var text = string.Format(CultureInfo.InvariantCulture, RootTexts.OtherAgency, agency.Name, agency.Agency, agency.Where, agency.Contact, communes.Current.Office.Phone);
        return turnContext.SendActivityAsync(Replies.WithChoices(text, [Procedures.ProcedureTexts.OtherProcedureButton, MainMenu.TalkToStaff]), cancellationToken);
    }

    /// <summary>A text with the main menu as buttons.</summary>
    public Task MenuAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);

    private static Task BackToWorkAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Replies.WithChoices(text, [MainMenu.AskProcedure, MainMenu.CheckDossier]), cancellationToken);

    /// <summary>The office's name, address, hours and phone as the bot says them; the public procedure pages show the same line.</summary>
    public static string OfficeFactsOf(OfficeOptions facts) => Format(RootTexts.OfficeFacts, facts).TrimEnd();

    private string Format(string template) => Format(template, communes.Current.Office);

    private static string Format(string template, OfficeOptions facts) =>
        string.Format(CultureInfo.InvariantCulture, template, facts.OfficeName, facts.Phone, facts.WorkingHours, facts.Address);
}
