namespace OneStopBot.Knowledge.Procedures;

/// <summary>The day a resident's time limit counts from: what the bot asks for.</summary>
public enum DeadlineEvent
{
    /// <summary>The child's birth (khai sinh).</summary>
    Birth,

    /// <summary>The death (khai tử).</summary>
    Death,

    /// <summary>The day the resident learned of the decision or act (khiếu nại).</summary>
    DecisionKnown,

    /// <summary>The son's birth, for a registration in the year he turns an age (nghĩa vụ quân sự).</summary>
    SonBirth,
}

/// <summary>What follows when the last day has passed.</summary>
public enum AfterDeadline
{
    /// <summary>Still done, no longer free: the province's fee.</summary>
    LateFee,

    /// <summary>Done again as a new registration (đăng ký lại).</summary>
    RegisterAgain,

    /// <summary>Nothing the law sets that the bot can say: the file's penalty text, or the desk.</summary>
    Nothing,
}

/// <summary>
/// A time limit the law sets, in calendar days (facts: these limits are not working days): <paramref name="Days"/>
/// after the event (the event's own day not counted), or, with <paramref name="InYearOfAge"/>, the month
/// <paramref name="Month"/> of the year the person turns that age.
/// </summary>
public sealed record DeadlineRule(DeadlineEvent From, int? Days, int? InYearOfAge, int? Month, AfterDeadline After)
{
    /// <summary>The first and last day of the limit for an event on <paramref name="eventDay"/>.</summary>
    public (DateOnly First, DateOnly Last) For(DateOnly eventDay)
    {
        if (Days is { } days)
        {
            return (eventDay, eventDay.AddDays(days));
        }
        var year = eventDay.Year + InYearOfAge!.Value;
        var month = Month!.Value;
        return (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>Whether the limit is a month of a year (registration when called) rather than a count of days.</summary>
    public bool IsMonthOfYear => Days is null;
}
