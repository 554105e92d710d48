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

    /// <summary>Talk to a person.</summary>
    Human,
}

/// <summary>Words that are heard above every dialog, whatever it is asking.</summary>
public static class Interruptions
{
    private static readonly Dictionary<string, Interruption> Phrases = new(StringComparer.Ordinal)
    {
        ["huy"] = Interruption.Cancel, ["huy bo"] = Interruption.Cancel, ["dung"] = Interruption.Cancel,
        ["dung lai"] = Interruption.Cancel, ["cancel"] = Interruption.Cancel, ["stop"] = Interruption.Cancel,
        ["thoat"] = Interruption.Cancel, ["khong lam nua"] = Interruption.Cancel, ["thoi khong lam nua"] = Interruption.Cancel,
        ["thoi"] = Interruption.SoftCancel,
        ["help"] = Interruption.Help, ["giup"] = Interruption.Help, ["giup do"] = Interruption.Help,
        ["tro giup"] = Interruption.Help, ["huong dan"] = Interruption.Help, ["giup toi"] = Interruption.Help,
        ["menu"] = Interruption.Menu, ["bat dau"] = Interruption.Menu, ["bat dau lai"] = Interruption.Menu,
        ["quay lai"] = Interruption.Menu, ["trang chu"] = Interruption.Menu, ["/start"] = Interruption.Menu,
        ["gap can bo"] = Interruption.Human, ["gap nguoi"] = Interruption.Human, ["gap nguoi that"] = Interruption.Human,
        ["noi chuyen voi can bo"] = Interruption.Human, ["gap nhan vien"] = Interruption.Human, ["can bo"] = Interruption.Human,
    };

    public static Interruption Classify(string? text)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!', '?', ',');
        if (folded.EndsWith(" a", StringComparison.Ordinal))
        {
            folded = folded[..^2];
        }
        return Phrases.GetValueOrDefault(folded, Interruption.None);
    }
}
