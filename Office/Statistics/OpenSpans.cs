using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Statistics;

/// <summary>
/// A stretch of local days a dossier was open (being worked on) at each day's end: from <see cref="Opened"/> until the
/// day before <see cref="Closed"/> (or still open), and past its due date from <see cref="OverdueFrom"/> on. What both
/// engines count the open and overdue dossiers at a day's end from.
/// </summary>
public readonly record struct OpenSpan(DateOnly Opened, DateOnly? Closed, DateOnly? OverdueFrom)
{
    /// <summary>
    /// The spans of <paramref name="dossier"/>, from its history (in order). The status at a day's end is that of the
    /// day's last change, or the one before it stays.
    /// </summary>
    public static IReadOnlyList<OpenSpan> Of(Dossier dossier, WorkingCalendar calendar)
    {
        var spans = new List<OpenSpan>();
        var history = dossier.History;
        DateOnly? openedOn = null;
        for (var i = 0; i < history.Count; i++)
        {
            var day = calendar.LocalDate(history[i].At);
            if (i + 1 < history.Count && calendar.LocalDate(history[i + 1].At) == day)
            {
                continue;
            }
            var open = history[i].Status.IsInProgress();
            if (open && openedOn is null)
            {
                openedOn = day;
            }
            else if (!open && openedOn is { } start)
            {
                spans.Add(Span(dossier, start, day));
                openedOn = null;
            }
        }
        if (openedOn is { } stillOpen)
        {
            spans.Add(Span(dossier, stillOpen, null));
        }
        return spans;
    }

    // Overdue on the days after the due date that the span still covers; none when it closes by then.
    private static OpenSpan Span(Dossier dossier, DateOnly start, DateOnly? end)
    {
        var overdue = dossier.DueDate is { } due && due.AddDays(1) is var late && (end is null || late < end) ? (late > start ? late : start) : (DateOnly?)null;
        return new OpenSpan(start, end, overdue);
    }
}
