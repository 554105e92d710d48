namespace OneStopBot.Office.Reminders;

/// <summary>Configuration section <c>Reminders</c>: when reminders may be sent and how early.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>No reminder is sent before this local time; one due earlier waits for it.</summary>
    public TimeOnly SendFrom { get; set; } = new(7, 0);

    /// <summary>No reminder is sent at or after this local time; one due later waits for the next <see cref="SendFrom"/>.</summary>
    public TimeOnly SendUntil { get; set; } = new(20, 0);

    /// <summary>Days before a deadline's last day that its reminder goes out.</summary>
    public int DeadlineLeadDays { get; set; } = 3;

    /// <summary>Local time, the day before a pre-registered visit, of its reminder.</summary>
    public TimeOnly VisitReminderAt { get; set; } = new(16, 0);

    /// <summary>Working days a "Cần bổ sung" dossier waits unanswered before the resident is reminded.</summary>
    public int SupplementWorkingDays { get; set; } = 3;

    /// <summary>How often the worker looks for reminders that are due.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Why the settings cannot work, or null.</summary>
    public string? Problem() =>
        SendFrom >= SendUntil ? "Reminders:SendFrom must be earlier than Reminders:SendUntil (e.g. 07:00 and 20:00)."
        : VisitReminderAt < SendFrom || VisitReminderAt >= SendUntil ? "Reminders:VisitReminderAt must fall between SendFrom and SendUntil."
        : DeadlineLeadDays is < 1 or > 30 ? "Reminders:DeadlineLeadDays must be from 1 to 30."
        : SupplementWorkingDays is < 1 or > 30 ? "Reminders:SupplementWorkingDays must be from 1 to 30."
        : ScanInterval < TimeSpan.FromSeconds(1) || ScanInterval > TimeSpan.FromHours(1) ? "Reminders:ScanInterval must be from 1 second to 1 hour."
        : null;

    /// <summary>Whether a local time of day is inside the sending hours.</summary>
    public bool MaySendAt(TimeOnly local) => local >= SendFrom && local < SendUntil;
}
