using System.Globalization;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>A whole number written in digits ("12", "1.000") or as a word from một to mười.</summary>
public static class NumberRecognizer
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4, ["nam"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10,
    };

    public static Recognition<int> Recognize(string? text)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!', '?');
        if (folded.Length == 0)
        {
            return Recognition<int>.Failed;
        }
        var digits = folded.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length <= 9 && int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return Recognition<int>.Of(number);
        }
        return Words.TryGetValue(folded, out var word) ? Recognition<int>.Of(word) : Recognition<int>.Failed;
    }
}
