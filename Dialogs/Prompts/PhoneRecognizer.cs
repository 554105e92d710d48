using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>A Vietnamese mobile number: 10 digits starting with 0, or +84 / 84 then 9 digits; returned as 0xxxxxxxxx.</summary>
public static partial class PhoneRecognizer
{
    public static Recognition<string> Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return Recognition<string>.Failed;
        }
        var compact = Separators().Replace(text.Trim(), string.Empty);
        if (compact.StartsWith("+84", StringComparison.Ordinal))
        {
            compact = "0" + compact[3..];
        }
        else if (compact.StartsWith("84", StringComparison.Ordinal) && compact.Length == 11)
        {
            compact = "0" + compact[2..];
        }
        return Mobile().IsMatch(compact) ? Recognition<string>.Of(compact) : Recognition<string>.Failed;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    // Mobile prefixes in use since 2018: 03, 05, 07, 08, 09.
    [GeneratedRegex(@"^0[35789]\d{8}$")]
    private static partial Regex Mobile();
}
