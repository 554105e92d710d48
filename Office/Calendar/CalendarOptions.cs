using System.ComponentModel.DataAnnotations;

namespace OneStopBot.Office.Calendar;

/// <summary>Configuration section <c>Calendar</c>: the office's time zone, the same-day cut-off and the official days off.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Calendar:TimeZone must be set, e.g. Asia/Ho_Chi_Minh: due dates and the same-day cut-off are local times.")]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>A same-day dossier received at or after this local time is due the next working day.</summary>
    public TimeOnly SameDayCutoff { get; set; } = new(15, 0);

    /// <summary>Official days off that fall on weekdays (holidays, Tết, bridging days), as announced each year.</summary>
    public List<Holiday> Holidays { get; set; } = [];

    /// <summary>Saturdays or Sundays worked in exchange for a bridging day.</summary>
    public List<Holiday> MakeUpWorkingDays { get; set; } = [];
}

/// <summary>One named day in the calendar.</summary>
public sealed class Holiday
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = string.Empty;
}
