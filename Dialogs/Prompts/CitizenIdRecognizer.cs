using OneStopBot.Dialogs.Engine;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>A citizen ID (căn cước) number: 12 digits, spaces or dots allowed between them.</summary>
public static class CitizenIdRecognizer
{
    public static Recognition<string> Recognize(string? text) =>
        PersonalNumbers.TryNormalizeCitizenId(text, out var id) ? Recognition<string>.Of(id) : Recognition<string>.Failed;
}
