using System.Globalization;

namespace OneStopBot.Office.Statistics;

/// <summary>Percentages the Vietnamese way: decimal comma, at most two decimals (<c>86,23%</c>).</summary>
public static class VietnamesePercent
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The share rounded to two decimals; null when there is nothing to divide by.</summary>
    public static decimal? Of(int part, int whole) =>
        whole <= 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    public static string Format(decimal percent) => percent.ToString("0.##", Vietnamese) + "%";

    /// <summary>The share as text (<c>86,23%</c>), or null when <paramref name="whole"/> is 0.</summary>
    public static string? Format(int part, int whole) => Of(part, whole) is { } percent ? Format(percent) : null;
}
