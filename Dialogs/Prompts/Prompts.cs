using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>Free text: anything not empty, up to a length.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null, int maxLength = TextPrompt.DefaultMaxLength)
    : Prompt<string>(id, validator), IGuidedDialog
{
    public const int DefaultMaxLength = 500;

    protected override string DefaultRetryPrompt => "Anh/chị vui lòng gõ câu trả lời bằng chữ.";

    public bool IsOpen => true;

    protected override Recognition<string> Recognize(string? text, PromptOptions options)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength ? Recognition<string>.Failed : Recognition<string>.Of(trimmed);
    }

    /// <summary>Free text takes any words, so it is sure of a command word only when a validator (a name's) accepts it.</summary>
    public override Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        HasValidator ? base.TakesAsAnswerAsync(dc, text, cancellationToken) : Task.FromResult(false);
}

/// <summary>One of <see cref="PromptOptions.Choices"/>, by number, label or button.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override string DefaultRetryPrompt => "Anh/chị vui lòng bấm một nút bên dưới, hoặc gõ số thứ tự.";

    protected override Recognition<FoundChoice> Recognize(string? text, PromptOptions options) =>
        ChoiceRecognizer.Recognize(text, options.Choices ?? []);
}

/// <summary>
/// A choice of two buttons that also takes yes and no: "Thông tin đúng chưa? Gửi / Sửa" — "đúng rồi", "ok" pick the
/// first, "chưa", "thôi" the second.
/// </summary>
public sealed class YesNoChoicePrompt(string id) : Prompt<FoundChoice>(id)
{
    protected override string DefaultRetryPrompt => "Anh/chị vui lòng bấm một nút bên dưới.";

    protected override Recognition<FoundChoice> Recognize(string? text, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        var choice = ChoiceRecognizer.Recognize(text, choices);
        if (choice.Succeeded || choices.Count != 2)
        {
            return choice;
        }
        var yes = ConfirmRecognizer.Recognize(text);
        return yes.Succeeded ? Recognition<FoundChoice>.Of(new FoundChoice(yes.Value ? 0 : 1, choices[yes.Value ? 0 : 1])) : Recognition<FoundChoice>.Failed;
    }
}

/// <summary>Yes or no.</summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    public static readonly IReadOnlyList<string> YesNo = ["Có", "Không"];

    protected override string DefaultRetryPrompt => "Anh/chị vui lòng trả lời \"Có\" hoặc \"Không\".";

    protected override Recognition<bool> Recognize(string? text, PromptOptions options) =>
        ConfirmRecognizer.Recognize(text);
}

/// <summary>A day, relative to today in the office's time zone; <paramref name="direction"/>: a day to come, or one gone by.</summary>
public sealed class DatePrompt(string id, TimeProvider time, TimeZoneInfo zone, PromptValidator<DateOnly>? validator = null, DateDirection direction = DateDirection.Ahead)
    : Prompt<DateOnly>(id, validator)
{
    protected override string DefaultRetryPrompt => "Anh/chị vui lòng gõ ngày, ví dụ: mai, thứ hai, hoặc 25/12.";

    protected override Recognition<DateOnly> Recognize(string? text, PromptOptions options) =>
        DateRecognizer.Recognize(text, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime), direction);
}

/// <summary>A Vietnamese mobile number, normalised to 0xxxxxxxxx.</summary>
public sealed class PhonePrompt(string id) : Prompt<string>(id)
{
    protected override string DefaultRetryPrompt => "Số điện thoại chưa đúng. Anh/chị gõ 10 số, ví dụ: 0912345678.";

    protected override Recognition<string> Recognize(string? text, PromptOptions options) =>
        PhoneRecognizer.Recognize(text);
}

/// <summary>
/// One of <see cref="PromptOptions.Choices"/> when the message picks one (a <see cref="FoundChoice"/>), else the text
/// typed (a string): after "Có phải anh/chị hỏi về …?", a question in other words is read anew, not refused.
/// </summary>
public sealed class ChoiceOrTextPrompt(string id) : Prompt<object>(id), IGuidedDialog
{
    protected override string DefaultRetryPrompt => "Anh/chị vui lòng bấm một nút bên dưới, hoặc gõ câu hỏi.";

    public bool IsOpen => true;

    protected override Recognition<object> Recognize(string? text, PromptOptions options)
    {
        // "phải" is yes here, though it is also a word of "Không phải": the dialog reads a typed yes itself.
        var choice = ConfirmRecognizer.Recognize(text) is { Succeeded: true, Value: true } ? Recognition<FoundChoice>.Failed : ChoiceRecognizer.Recognize(text, options.Choices ?? []);
        if (choice.Succeeded)
        {
            return Recognition<object>.Of(choice.Value);
        }
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > TextPrompt.DefaultMaxLength ? Recognition<object>.Failed : Recognition<object>.Of(trimmed);
    }

    /// <summary>
    /// Only a choice or a yes is sure: a command word typed here ("thôi") is the command, not a question, but "dung"
    /// after "Có phải …?" is "đúng" far more often than "dừng".
    /// </summary>
    public override Task<bool> TakesAsAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        Task.FromResult(ChoiceRecognizer.Recognize(text, GetState(dc).Options.Choices ?? []).Succeeded
            || ConfirmRecognizer.Recognize(text) is { Succeeded: true, Value: true });
}
