using OneStopBot.Knowledge.Text;

namespace OneStopBot.Dialogs.Engine;

/// <summary>A resident's message reduced to what recognisers compare: normalised, lower case, without diacritics.</summary>
public static class UserText
{
    public static string Fold(string? text) => VietnameseText.Fold(VietnameseText.Normalize(text));
}
