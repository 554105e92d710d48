using System.Globalization;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Reminders;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Reminders;

/// <summary>
/// Writes the reminders: a deadline the resident asked about, the day before a pre-registered visit, and a "Cần bổ
/// sung" dossier left unanswered. Each has a key of what it is about, so planning again keeps one.
/// </summary>
public sealed class ReminderPlanner(
    ReminderStore store,
    ProcedureCatalog catalog,
    WorkingCalendar calendar,
    IOptions<ReminderOptions> options,
    CommuneContext communes,
    TimeProvider time)
{
    private static readonly string[] DeadlineActions = [MainMenu.PreRegister, MainMenu.TalkToStaff];
    private static readonly string[] DossierActions = [MainMenu.CheckDossier, MainMenu.TalkToStaff];

    /// <summary>
    /// Schedules the reminder of the deadline for an event on <paramref name="eventDay"/>, for <paramref name="to"/>.
    /// The day it comes, and whether it is new; a null day when it is too late for one.
    /// </summary>
    public (DateOnly? RemindOn, bool IsNew) ScheduleDeadline(ChatAddress to, Procedure procedure, DateOnly eventDay)
    {
        var rule = procedure.DeadlineRule!;
        var lead = options.Value.DeadlineLeadDays;
        var answer = DeadlineWording.Compose(procedure, rule, eventDay, calendar.Today, calendar, lead);
        if (answer.RemindOn is not { } remindOn)
        {
            return (null, false);
        }
        var (first, last) = rule.For(eventDay);
        var text = rule.IsMonthOfYear
            ? TextTemplate.Fill(ReminderTexts.MonthDeadline, procedure.SimpleName, first.Month, first.Year)
            : TextTemplate.Fill(ReminderTexts.Deadline, procedure.SimpleName, DeadlineWording.Task(rule), DossierFormat.Day(last));
        var owner = ReminderStore.OwnerOf(to);
        var reminder = new Reminder
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"deadline|{owner}|{procedure.Id}|{last:yyyyMMdd}"),
            Kind = ReminderKind.Deadline,
            To = to,
            Owner = owner,
            Text = Ending(text),
            Actions = DeadlineActions,
            SendAt = calendar.StartOf(remindOn) + options.Value.SendFrom.ToTimeSpan(),
            ExpiresAt = calendar.StartOf(last.AddDays(1)),
        };
        return (remindOn, store.ScheduleAsked(reminder));
    }

    /// <summary>Plans the reminders of every dossier that waits for its resident; how many are new.</summary>
    public int PlanFromDossiers()
    {
        var now = time.GetUtcNow();
        var planned = 0;
        foreach (var dossier in store.AwaitingResident())
        {
            var reminder = dossier.Status == DossierStatus.PreRegistered ? Visit(dossier, now) : Supplement(dossier);
            if (reminder is not null && store.Schedule(reminder))
            {
                planned++;
            }
        }
        return planned;
    }

    private Reminder? Visit(Dossier dossier, DateTimeOffset now)
    {
        if (dossier.AppointmentDate is not { } day || dossier.History.Count == 0)
        {
            return null;
        }
        var sendAt = calendar.StartOf(day.AddDays(-1)) + options.Value.VisitReminderAt.ToTimeSpan();
        var expires = calendar.StartOf(day);
        // Registered after the reminder's hour (for tomorrow, this evening): the confirmation just said it all.
        if (dossier.CreatedAt >= sendAt || now >= expires)
        {
            return null;
        }
        var procedure = catalog.Find(dossier.ProcedureId);
        var lines = new List<string> { TextTemplate.Fill(ReminderTexts.Visit, DossierFormat.Day(day), dossier.Code, procedure?.SimpleName ?? dossier.ProcedureId) };
        if (Receivers.Visit(procedure, communes.Current.Office) is { } place)
        {
            lines.Add(place);
        }
        if (procedure is not null)
        {
            lines.Add(ProcedureAnswers.DocumentList(procedure));
        }
        return ForDossier(dossier, ReminderKind.Visit, string.Create(CultureInfo.InvariantCulture, $"visit|{dossier.Code}|{day:yyyyMMdd}"), lines, sendAt, expires);
    }

    private Reminder? Supplement(Dossier dossier)
    {
        if (dossier.History.Count == 0 || dossier.History[^1] is not { Status: DossierStatus.SupplementRequested } asked)
        {
            return null;
        }
        var days = options.Value.SupplementWorkingDays;
        var dueDay = calendar.DueDate(asked.At, days)!.Value;
        // The same hour as the request, that many working days later: three whole working days unanswered.
        var sendAt = calendar.StartOf(dueDay) + calendar.LocalTime(asked.At).TimeOfDay;
        var procedure = catalog.Find(dossier.ProcedureId);
        var lines = new List<string>
        {
            TextTemplate.Fill(ReminderTexts.Supplement, dossier.Code, procedure?.SimpleName ?? dossier.ProcedureId, days),
            string.IsNullOrWhiteSpace(asked.Note)
                ? TextTemplate.Fill(ReminderTexts.MissingUnknown, communes.Current.Office.Phone)
                : TextTemplate.Fill(ReminderTexts.Missing, asked.Note.Trim()),
        };
        if (Receivers.Visit(procedure, communes.Current.Office) is { } place)
        {
            lines.Add(place);
        }
        return ForDossier(dossier, ReminderKind.Supplement, string.Create(CultureInfo.InvariantCulture, $"supplement|{dossier.Code}|{asked.At.UtcTicks}"), lines, sendAt, expires: null);
    }

    private static Reminder ForDossier(Dossier dossier, ReminderKind kind, string key, List<string> lines, DateTimeOffset sendAt, DateTimeOffset? expires) =>
        new()
        {
            Id = key,
            Kind = kind,
            To = dossier.Owner!,
            Owner = ReminderStore.OwnerOf(dossier.Owner!),
            Text = Ending(string.Join('\n', lines)),
            Actions = DossierActions,
            SendAt = sendAt,
            ExpiresAt = expires,
            DossierCode = dossier.Code,
            WhileStatus = dossier.Status,
            StatusSince = dossier.History[^1].At,
        };

    private static string Ending(string text) => text + "\n" + ReminderTexts.HowToStop;
}
