using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>Drops idle conversations on a timer, so memory does not grow with every visitor.</summary>
public sealed class DirectLineIdleSweeper(DirectLineConversations conversations, IOptions<DirectLineOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                conversations.RemoveIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
