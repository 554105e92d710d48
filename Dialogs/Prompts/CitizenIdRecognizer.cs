using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>A citizen ID (căn cước) number: 12 digits, spaces or dots allowed between them.</summary>
public static partial class CitizenIdRecognizer
{
    public static Recognition<string> Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return Recognition<string>.Failed;
        }
        var compact = Separators().Replace(text.Trim(), string.Empty);
        return TwelveDigits().IsMatch(compact) ? Recognition<string>.Of(compact) : Recognition<string>.Failed;
    }

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex TwelveDigits();
}
