namespace OneStopBot.Dialogs.Engine;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The outermost dialog ended, with <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,

    /// <summary>The dialog ended without taking the message (a question typed where a code was asked): the root routes it.</summary>
    Unhandled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);

    public static readonly DialogTurnResult Empty = new(DialogTurnStatus.Empty);

    public static readonly DialogTurnResult Cancelled = new(DialogTurnStatus.Cancelled);

    public static readonly DialogTurnResult Unhandled = new(DialogTurnStatus.Unhandled);
}
