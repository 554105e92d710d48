using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// Runs webhook turns in the background, one ordered lane per user: a user's messages are handled one after
/// another in arrival order, while different users' lanes run concurrently. Each lane is the chain of its
/// pending work, dropped when it runs empty, so idle users cost nothing.
/// </summary>
public sealed class ZaloTurnQueue(IOptions<ZaloOptions> options, ILogger<ZaloTurnQueue> logger) : IHostedService
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Task> lanes = new();
    private readonly CancellationTokenSource stopping = new();
    private int pending;

    /// <summary>Work queued or running.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues <paramref name="work"/> behind the lane's earlier work; false when the queue is full or stopping.</summary>
    public bool TryEnqueue(string lane, Func<CancellationToken, Task> work)
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested || pending >= options.Value.MaxPendingTurns)
            {
                return false;
            }
            pending++;
            var previous = lanes.GetValueOrDefault(lane, Task.CompletedTask);
            // ContinueWith on the default scheduler: the work never starts inline, inside this lock.
            var next = previous.ContinueWith(_ => RunAsync(work), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            lanes[lane] = next;
            next.ContinueWith(_ => Complete(lane, next), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking work, cancels what runs, and waits for the lanes as long as the host allows.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (gate)
        {
            stopping.Cancel();
            running = [.. lanes.Values];
        }
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(Func<CancellationToken, Task> work)
    {
        try
        {
            await work(stopping.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            logger.LogError(exception, "A Zalo turn failed outside the bot's own error handling");
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("A Zalo turn was cancelled because the host is stopping");
        }
    }

    private void Complete(string lane, Task finished)
    {
        lock (gate)
        {
            pending--;
            if (lanes.TryGetValue(lane, out var last) && last == finished)
            {
                lanes.Remove(lane);
            }
        }
    }
}
