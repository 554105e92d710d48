using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Calendar;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Deadlines;

/// <summary>
/// A deadline worked out for one resident: the message, the last day, and the day a reminder would go out (null
/// when it is too late for one).
/// </summary>
public sealed record DeadlineAnswer(string Text, DateOnly LastDay, DateOnly? RemindOn);

/// <summary>Words a deadline computed from the day the resident gives and today, in the office's calendar.</summary>
public static class DeadlineWording
{
    public static DeadlineAnswer Compose(Procedure procedure, DeadlineRule rule, DateOnly eventDay, DateOnly today, WorkingCalendar calendar, int leadDays)
    {
        var (first, last) = rule.For(eventDay);
        var lines = new List<string> { TextTemplate.Fill(EventLine(rule.From), DossierFormat.Day(eventDay)) };
        DateOnly? remindOn = null;
        if (rule.IsMonthOfYear)
        {
            var age = rule.InYearOfAge!.Value;
            if (today < first)
            {
                lines.Add(TextTemplate.Fill(DeadlineTexts.MonthAhead, first.Month, first.Year, age, first.DayNumber - today.DayNumber, DossierFormat.Day(first)));
                lines.Add(DeadlineTexts.AskToConfirm);
                remindOn = Later(first.AddDays(-leadDays), today);
            }
            else if (today <= last)
            {
                lines.Add(TextTemplate.Fill(DeadlineTexts.MonthNow, first.Month, DossierFormat.Day(last), last.DayNumber - today.DayNumber));
                lines.Add(DeadlineTexts.AskToConfirm);
            }
            else
            {
                lines.Add(TextTemplate.Fill(DeadlineTexts.MonthPast, first.Month, first.Year, age));
            }
            return new DeadlineAnswer(Lines(lines, remindOn, leadDays), last, remindOn);
        }

        var task = Task(rule);
        if (today > last)
        {
            lines.Add(TextTemplate.Fill(DeadlineTexts.Late, task, today.DayNumber - last.DayNumber, DossierFormat.Day(last)));
            lines.Add(rule.After switch
            {
                AfterDeadline.LateFee => procedure.Penalty ?? DeadlineTexts.AfterLateFee,
                AfterDeadline.RegisterAgain => procedure.Penalty ?? DeadlineTexts.AfterRegisterAgain,
                _ => procedure.Penalty ?? DeadlineTexts.AfterNothing,
            });
            if (procedure.Online.Available == true && rule.After != AfterDeadline.Nothing)
            {
                lines.Add(DeadlineTexts.OrOnline);
            }
            return new DeadlineAnswer(Lines(lines, null, leadDays), last, null);
        }

        lines.Add(today == last
            ? TextTemplate.Fill(DeadlineTexts.LastDay, task, DossierFormat.Day(last))
            : TextTemplate.Fill(DeadlineTexts.InTime, task, DossierFormat.Day(last), last.DayNumber - today.DayNumber));
        if (!calendar.IsWorkingDay(last))
        {
            // The law's last day may be a Sunday; the desk is closed then, so the last day to go is earlier.
            lines.Add(LastWorkingDay(calendar, today, last) is { } open
                ? TextTemplate.Fill(DeadlineTexts.DayOff, DossierFormat.Day(last), DossierFormat.Day(open))
                : TextTemplate.Fill(DeadlineTexts.NoWorkingDayLeft, DossierFormat.Day(last)));
        }
        if (procedure.Online.Available == true)
        {
            lines.Add(DeadlineTexts.OrOnline);
        }
        remindOn = Later(last.AddDays(-leadDays), today);
        return new DeadlineAnswer(Lines(lines, remindOn, leadDays), last, remindOn);
    }

    /// <summary>The question that asks for the day the limit counts from.</summary>
    public static string Question(DeadlineEvent from) => from switch
    {
        DeadlineEvent.Birth => DeadlineTexts.AskBirth,
        DeadlineEvent.Death => DeadlineTexts.AskDeath,
        DeadlineEvent.SonBirth => DeadlineTexts.AskSonBirth,
        _ => DeadlineTexts.AskDecision,
    };

    /// <summary>"làm khai sinh miễn phí": what must be done by the last day.</summary>
    public static string Task(DeadlineRule rule)
    {
        var task = rule.From switch
        {
            DeadlineEvent.Birth => DeadlineTexts.DoBirth,
            DeadlineEvent.Death => DeadlineTexts.DoDeath,
            _ => DeadlineTexts.DoComplaint,
        };
        return rule.After == AfterDeadline.LateFee ? task + DeadlineTexts.Free : task;
    }

    private static string EventLine(DeadlineEvent from) => from switch
    {
        DeadlineEvent.Birth => DeadlineTexts.BornOn,
        DeadlineEvent.Death => DeadlineTexts.DiedOn,
        DeadlineEvent.SonBirth => DeadlineTexts.SonBornOn,
        _ => DeadlineTexts.KnownOn,
    };

    private static DateOnly? Later(DateOnly remindOn, DateOnly today) => remindOn > today ? remindOn : null;

    private static DateOnly? LastWorkingDay(WorkingCalendar calendar, DateOnly today, DateOnly last)
    {
        for (var day = last; day >= today; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }
        return null;
    }

    private static string Lines(List<string> lines, DateOnly? remindOn, int leadDays)
    {
        if (remindOn is not null)
        {
            lines.Add(TextTemplate.Fill(DeadlineTexts.OfferReminder, leadDays));
        }
        return string.Join('\n', lines);
    }
}
