using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;

namespace OneStopBot.Dialogs.Dossiers;

/// <summary>A citizen ID number that the resident may skip: "Bỏ qua", "không có", "ko nhớ" answer an empty string.</summary>
public sealed class OptionalCitizenIdPrompt(string id) : Prompt<string>(id)
{
    private static readonly HashSet<string> SkipWords = new(StringComparer.Ordinal)
    {
        UserText.Fold(PreRegisterTexts.Skip), "bo", "skip", "khong", "ko", "k", "chua", "quen",
    };

    // "không nhớ", "ko có", "chưa có số", "em quên rồi": a refusal word, then at most a few words about it.
    private static readonly HashSet<string> Refusals = new(StringComparer.Ordinal) { "khong", "ko", "k", "kg", "hong", "chua", "quen", "bo" };

    protected override string DefaultRetryPrompt => "Số căn cước có 12 chữ số. Anh/chị gõ lại, hoặc bấm \"Bỏ qua\".";

    protected override Recognition<string> Recognize(string? text, PromptOptions options) =>
        IsSkip(text) ? Recognition<string>.Of(string.Empty) : CitizenIdRecognizer.Recognize(text);

    private static bool IsSkip(string? text)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!', ',');
        if (SkipWords.Contains(folded))
        {
            return true;
        }
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && !folded.Any(char.IsAsciiDigit) && words.Take(2).Any(Refusals.Contains);
    }
}
