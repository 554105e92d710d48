namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// The understanding the conversations use now. A retrained model replaces it while the bot runs: each model is
/// immutable, and the reference is swapped in one atomic write, so a turn in flight finishes with the model it read
/// and the next read sees the new one.
/// </summary>
public sealed class LiveUnderstanding(MessageUnderstanding initial)
{
    private MessageUnderstanding current = initial;
    private int version;

    public MessageUnderstanding Current => Volatile.Read(ref current);

    /// <summary>How many times the model was replaced since start-up.</summary>
    public int Version => Volatile.Read(ref version);

    /// <summary>Puts <paramref name="next"/> in use and returns the model it replaced.</summary>
    public MessageUnderstanding Replace(MessageUnderstanding next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref current, next);
        Interlocked.Increment(ref version);
        return previous;
    }
}
