namespace OneStopBot.Office.Calendar;

/// <summary>
/// The years the office's records can be about. A date outside them is a typing mistake or an attack (year 9999
/// overflows the day after it), so chat and API refuse it before computing with it.
/// </summary>
public static class OfficeDates
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool Contains(DateOnly day) => day.Year is >= MinYear and <= MaxYear;
}
