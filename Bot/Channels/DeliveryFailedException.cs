namespace OneStopBot.Bot.Channels;

/// <summary>
/// A channel could not deliver a message. <see cref="IsTransient"/> says whether trying again later may work
/// (rate limited, network) or not (the user blocked the account, the user is outside the channel's window).
/// </summary>
public sealed class DeliveryFailedException(string reason, bool isTransient, Exception? inner = null)
    : Exception(reason, inner)
{
    public string Reason { get; } = reason;

    public bool IsTransient { get; } = isTransient;
}
