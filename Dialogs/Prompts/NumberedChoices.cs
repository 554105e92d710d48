using System.Globalization;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>Buttons numbered "1. …", "2. …", so a resident can answer with the digit alone.</summary>
public static class NumberedChoices
{
    public static List<string> Of(IEnumerable<string> labels) =>
        [.. labels.Select((label, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {label}"))];
}
