using OneStopBot.Dialogs.Engine;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Dialogs.Messages;

/// <summary>
/// Whether a message is put as a question, as residents type it without marks: a question mark, a question word
/// anywhere ("gì", "chi", "đâu", "mô", "răng", "nào", "sao"), a closing particle ("… không", "… chưa", "… hả"), or
/// "hay" between two choices ("ủy ban hay công an"). It tells a question from a remark; it says nothing of its topic.
/// </summary>
public static class QuestionWords
{
    private static readonly HashSet<string> Anywhere = new(StringComparer.Ordinal)
    {
        "gi", "chi", "j", "dau", "mo", "rang", "nao", "sao",
    };

    private static readonly HashSet<string> Closing = new(StringComparer.Ordinal)
    {
        "khong", "ko", "k", "hong", "hok", "hem", "khum", "chua", "ha", "ta", "nhi",
    };

    // "hay" after these praises ("hay quá") rather than offering a choice.
    private static readonly HashSet<string> PraiseAfterHay = new(StringComparer.Ordinal) { "qua", "lam", "that", "ghe", "ha" };

    // "nhiêu" is left out: without marks it is also "nhiều" in "cảm ơn cán bộ nhiều".
    public static bool Asks(string? text)
    {
        if (text?.Contains('?', StringComparison.Ordinal) == true)
        {
            return true;
        }
        // Folded after reading: teencode and dialect come back standard ("ko" is "không", "mô" is "đâu").
        var words = VietnameseText.Syllables(text).Select(UserText.Fold).ToList();
        if (words.Count == 0)
        {
            return false;
        }
        return Closing.Contains(words[^1])
            || words.Any(Anywhere.Contains)
            || words.Take(words.Count - 1).Where((word, i) => word == "hay" && !PraiseAfterHay.Contains(words[i + 1])).Any();
    }
}
