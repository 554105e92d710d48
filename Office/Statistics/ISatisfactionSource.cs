namespace OneStopBot.Office.Statistics;

/// <summary>Residents' ratings of the service, counted for a period of local days (both ends included).</summary>
public interface ISatisfactionSource
{
    (int satisfied, int total) Count(DateOnly from, DateOnly to);
}
