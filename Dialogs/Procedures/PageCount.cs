using System.Globalization;
using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>A number of pages a resident wrote: "10 trang", "bản 3 tờ".</summary>
public static partial class PageCount
{
    // A copy of more pages than this is not a question a resident asks; it also bounds the sum.
    private const int MaxPages = 10_000;

    public static int? Read(string? text)
    {
        var match = Pages().Match(UserText.Fold(text ?? string.Empty));
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pages) && pages is > 0 and <= MaxPages
            ? pages
            : null;
    }

    [GeneratedRegex(@"\b(\d{1,5}) ?(trang|to)\b", RegexOptions.NonBacktracking)]
    private static partial Regex Pages();
}
