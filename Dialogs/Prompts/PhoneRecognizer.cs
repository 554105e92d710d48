using OneStopBot.Dialogs.Engine;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>A Vietnamese mobile number: 10 digits starting with 0, or +84 / 84 then 9 digits; returned as 0xxxxxxxxx.</summary>
public static class PhoneRecognizer
{
    public static Recognition<string> Recognize(string? text) =>
        PersonalNumbers.TryNormalizePhone(text, out var phone) ? Recognition<string>.Of(phone) : Recognition<string>.Failed;
}
