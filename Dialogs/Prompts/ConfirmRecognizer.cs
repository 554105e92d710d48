using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>Yes or no, as residents say it: có, co, ừ, uh, ok, đúng, vâng, dạ — không, ko, k, thôi.</summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> No =
        ["khong", "ko", "k", "kg", "khg", "hong", "hok", "khum", "thoi", "chua", "sai", "no", "n"];

    private static readonly HashSet<string> Yes =
        ["co", "u", "uh", "uhm", "um", "ok", "oke", "okay", "okie", "dung", "vang", "da", "yes", "y", "dong y", "duoc", "dc", "roi", "chuan", "chac chan", "phai", "chinh no", "xac nhan", "gui", "gui di"];

    public static Recognition<bool> Recognize(string? text)
    {
        var words = UserText.Fold(text)
            .Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return Recognition<bool>.Failed;
        }
        // "dạ không" and "vâng, thôi" are polite refusals: any word of refusal wins.
        if (words.Any(No.Contains))
        {
            return Recognition<bool>.Of(false);
        }
        var phrase = string.Join(' ', words);
        if (Yes.Contains(phrase) || Yes.Contains(words[0]) || (words.Length > 1 && Yes.Contains($"{words[0]} {words[1]}")))
        {
            return Recognition<bool>.Of(true);
        }
        return Recognition<bool>.Failed;
    }
}
