using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;

namespace OneStopBot.Dialogs.Dossiers;

/// <summary>A citizen ID number that the resident may skip: "Bỏ qua" (or "không có") answers an empty string.</summary>
public sealed class OptionalCitizenIdPrompt(string id) : Prompt<string>(id)
{
    private static readonly HashSet<string> SkipWords = new(StringComparer.Ordinal)
    {
        UserText.Fold(PreRegisterTexts.Skip), "bo", "khong co", "khong nho", "khong", "ko", "k", "chua co", "skip",
    };

    protected override string DefaultRetryPrompt => "Số căn cước có 12 chữ số. Anh/chị gõ lại, hoặc bấm \"Bỏ qua\".";

    protected override Recognition<string> Recognize(ITurnContext context, PromptOptions options) =>
        SkipWords.Contains(UserText.Fold(context.Activity.Text).Trim(' ', '.', '!'))
            ? Recognition<string>.Of(string.Empty)
            : CitizenIdRecognizer.Recognize(context.Activity.Text);

    public override bool TakesAsAnswer(DialogContext dc, string foldedText) => SkipWords.Contains(foldedText.Trim(' ', '.', '!'));
}
