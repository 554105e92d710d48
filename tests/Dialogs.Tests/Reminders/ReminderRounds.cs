using System.Globalization;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Reminders;

namespace OneStopBot.Dialogs.Tests.Reminders;

/// <summary>The rounds of the reminder worker, run by hand on the harness's clock and records.</summary>
public static class ReminderRounds
{
    /// <summary>Sets the clock to a local time in Vietnam ("2026-11-28 07:00"); it only moves forward.</summary>
    public static void At(this ConversationHarness harness, string local) =>
        harness.Time.SetUtcNow(new DateTimeOffset(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(7)));

    /// <summary>One round of the worker: plan from dossiers, queue what is due. The reminders queued by it.</summary>
    public static IReadOnlyList<Delivery> Round(this ConversationHarness harness)
    {
        var before = harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 1000).Select(d => d.Id).ToHashSet();
        harness.Get<ReminderPlanner>().PlanFromDossiers();
        harness.Get<ReminderStore>().QueueDue();
        return harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 1000)
            .Where(d => d.Kind == DeliveryKind.Reminder && !before.Contains(d.Id))
            .ToList();
    }
}
