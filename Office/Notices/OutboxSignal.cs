using System.Threading.Channels;

namespace OneStopBot.Office.Notices;

/// <summary>Wakes the outbox worker when something is enqueued. Signals coalesce: one pending wake-up is enough.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>Completes at the next signal, or at once if one arrived since the last wait.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await channel.Reader.ReadAsync(cancellationToken);
}
