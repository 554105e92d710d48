using System.Text;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Root;

public enum Interruption
{
    None,

    /// <summary>Stop what is going on: hủy, huỷ, dừng, cancel.</summary>
    Cancel,

    /// <summary>"thôi": stop, unless the question being asked is a yes/no one, where it means "no".</summary>
    SoftCancel,

    /// <summary>Explain what the bot can do.</summary>
    Help,

    /// <summary>Back to the main menu.</summary>
    Menu,

    /// <summary>Back one question: "quay lại".</summary>
    Back,

    /// <summary>Talk to a person.</summary>
    Human,
}

/// <summary>
/// A command word heard above every dialog. <paramref name="Sure"/> is false for a word typed without diacritics
/// that is also an everyday word or a given name ("dung": dừng, đúng, Dũng; "huy": huỷ, Huy; "thoat": thoát,
/// Thoát): the waiting question decides what it is.
/// </summary>
public readonly record struct Heard(Interruption Kind, bool Sure)
{
    public static readonly Heard Nothing = new(Interruption.None, true);
}

/// <summary>Words that are heard above every dialog, whatever it is asking.</summary>
public static class Interruptions
{
    // As typed (lower case, NFC): with their diacritics these words mean only the command.
    private static readonly Dictionary<string, Interruption> Typed = new(StringComparer.Ordinal)
    {
        ["hủy"] = Interruption.Cancel, ["huỷ"] = Interruption.Cancel, ["dừng"] = Interruption.Cancel,
        ["thôi"] = Interruption.SoftCancel,
    };

    // Folded: every spelling of the commands; the single words in Unsure are also names and everyday words.
    private static readonly Dictionary<string, Interruption> Folded = new(StringComparer.Ordinal)
    {
        ["huy"] = Interruption.Cancel, ["huy bo"] = Interruption.Cancel, ["dung"] = Interruption.Cancel,
        ["dung lai"] = Interruption.Cancel, ["cancel"] = Interruption.Cancel, ["stop"] = Interruption.Cancel,
        ["thoat"] = Interruption.Cancel, ["khong lam nua"] = Interruption.Cancel, ["thoi khong lam nua"] = Interruption.Cancel,
        ["thoi"] = Interruption.SoftCancel,
        ["help"] = Interruption.Help, ["giup"] = Interruption.Help, ["giup do"] = Interruption.Help,
        ["tro giup"] = Interruption.Help, ["huong dan"] = Interruption.Help, ["giup toi"] = Interruption.Help,
        ["menu"] = Interruption.Menu, ["bat dau"] = Interruption.Menu, ["bat dau lai"] = Interruption.Menu,
        ["trang chu"] = Interruption.Menu, ["/start"] = Interruption.Menu,
        ["quay lai"] = Interruption.Back, ["tro lai"] = Interruption.Back, ["lui lai"] = Interruption.Back,
        ["quay lai buoc truoc"] = Interruption.Back, ["cau truoc"] = Interruption.Back,
        ["gap can bo"] = Interruption.Human, ["gap nguoi"] = Interruption.Human, ["gap nguoi that"] = Interruption.Human,
        ["noi chuyen voi can bo"] = Interruption.Human, ["gap nhan vien"] = Interruption.Human, ["can bo"] = Interruption.Human,
    };

    private static readonly HashSet<string> Unsure = new(StringComparer.Ordinal) { "huy", "dung", "thoi", "thoat" };

    public static Heard Classify(string? text)
    {
        var typed = Trim(VietnameseLower(text));
        if (Typed.TryGetValue(typed, out var sure))
        {
            return new Heard(sure, true);
        }
        var folded = Trim(UserText.Fold(text));
        return Folded.TryGetValue(folded, out var kind) ? new Heard(kind, !Unsure.Contains(folded)) : Heard.Nothing;
    }

    private static string VietnameseLower(string? text) => (text ?? string.Empty).Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>Punctuation around the words, and a polite "ạ" at the end, do not change the command.</summary>
    private static string Trim(string text)
    {
        var trimmed = text.Trim(' ', '.', '!', '?', ',');
        foreach (var polite in (string[])[" ạ", " a", " nhé", " nhe", " nha"])
        {
            if (trimmed.EndsWith(polite, StringComparison.Ordinal))
            {
                return trimmed[..^polite.Length].TrimEnd();
            }
        }
        return trimmed;
    }
}
