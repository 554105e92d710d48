namespace OneStopBot.Bot.Channels.Turns;

/// <summary>Configuration section <c>Turns</c>: what one incoming message may cost, on every channel.</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>Incoming text is cut to this many characters before anything reads it.</summary>
    public int MaxTextLength { get; set; } = 2000;

    public static bool IsValid(TurnOptions options) => options.MaxTextLength is >= 100 and <= 100_000;
}
