using System.Globalization;

namespace OneStopBot.Office;

/// <summary>
/// Whole numbers as Vietnamese is written, with a dot between thousands: <c>1.830</c>, <c>15.000</c>. The one
/// place every text a person reads gets its numbers from; the separator is fixed, not taken from the machine's culture.
/// </summary>
public static class VietnameseNumber
{
    private static readonly NumberFormatInfo Format = new() { NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-" };

    public static string Of(long number) => number.ToString("#,0", Format);
}
