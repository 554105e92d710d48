using System.Text;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// Runs Zalo turns from the inbox: each user's events one at a time in arrival order, different users side by side up
/// to <see cref="ZaloInboxOptions.MaxConcurrentTurns"/>. A turn's replies go to the outbox in the transaction that marks
/// its event done, then are sent at once in order; the outbox sends them only if that did not happen (a crash, a
/// failed send) once <see cref="ZaloInboxOptions.ReplyHold"/> has passed. Events pending at start (a crash) simply run.
/// Woken when the webhook stores an event; the poll is a safety net.
/// </summary>
public sealed class ZaloInboxWorker(
    IInbox inbox,
    IOutbox outbox,
    ZaloAdapter adapter,
    ZaloSender sender,
    IOptionsMonitor<ZaloOptions> options,
    CommuneContext communes,
    TimeProvider timeProvider,
    ILogger<ZaloInboxWorker> logger) : BackgroundService
{
    /// <summary>How many pending events one look at the inbox reads; a user's later events wait behind the earliest.</summary>
    private const int Window = 500;

    private readonly Dictionary<string, Task> running = new(StringComparer.Ordinal);

    // The outbox's coalescing wake-up, an instance of the inbox's own.
    private readonly OutboxSignal signal = new();

    private DateTimeOffset nextCleanup = DateTimeOffset.MinValue;

    // When the earliest event waiting for a retry falls due, as the last look at the inbox found.
    private DateTimeOffset? nextRetry;

    // Turns whose event is done and whose replies are being sent.
    private int sending;

    /// <summary>Events whose turn has not finished: waiting in the inbox, running, or sending its replies.</summary>
    public int Pending => inbox.CountPending(ZaloAdapter.ChannelId) + Volatile.Read(ref sending);

    /// <summary>Tells the worker an event was stored.</summary>
    public void Wake() => signal.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    Dispatch(stoppingToken);
                    RemoveOldEvents();
                    await WaitForWorkAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "The Zalo inbox could not be read; trying again at the next poll");
                    await Task.Delay(options.CurrentValue.Inbox.PollInterval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Task[] turns;
            lock (running)
            {
                turns = [.. running.Values];
            }
            // Cancelled turns leave their events pending: they run again after the next start.
            await Task.WhenAll(turns).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            logger.LogInformation("The Zalo inbox worker stopped; pending events run after the next start");
        }
    }

    /// <summary>Starts the earliest pending event of each user who has no turn running, while there is room.</summary>
    private void Dispatch(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue.Inbox;
        HashSet<string> busy;
        lock (running)
        {
            // Taken before reading the inbox: a turn that finishes meanwhile has its user still counted busy here, so
            // its event, read as pending a moment before it was marked done, is not started again.
            busy = [.. running.Keys];
        }
        var now = timeProvider.GetUtcNow();
        var considered = new HashSet<string>(StringComparer.Ordinal);
        nextRetry = null;
        foreach (var row in inbox.Pending(ZaloAdapter.ChannelId, Window))
        {
            // Only a user's earliest event may run: later ones wait, also behind one waiting for a retry.
            if (!considered.Add(row.Sender) || busy.Contains(row.Sender))
            {
                continue;
            }
            if (row.DueAt > now)
            {
                nextRetry = nextRetry is { } earliest && earliest < row.DueAt ? earliest : row.DueAt;
                continue;
            }
            lock (running)
            {
                if (running.Count >= settings.MaxConcurrentTurns)
                {
                    return;
                }
                running[row.Sender] = RunAsync(row, stoppingToken);
            }
        }
    }

    private async Task RunAsync(InboxEvent row, CancellationToken stoppingToken)
    {
        // Off the dispatching thread at once: the turn's synchronous start must not hold the dispatcher's lock.
        await Task.Yield();
        try
        {
            await RunTurnAsync(row, stoppingToken);
        }
        finally
        {
            lock (running)
            {
                running.Remove(row.Sender);
            }
            signal.Notify();
        }
    }

    private async Task RunTurnAsync(InboxEvent pending, CancellationToken stoppingToken)
    {
        IReadOnlyList<Delivery> replies;
        var maxAttempts = options.CurrentValue.Inbox.MaxAttempts;
        if (inbox.Begin(pending.Id) is not { } row)
        {
            return;
        }
        if (row.Attempts > maxAttempts)
        {
            // Every earlier run ended with the process: running it again could stop the host once more.
            Park(row, $"The host stopped during each of its {maxAttempts} runs.");
            return;
        }
        try
        {
            if (!ZaloEvent.TryParse(Encoding.UTF8.GetBytes(row.Body), out var zaloEvent, out var error))
            {
                Park(row, $"The stored event cannot be read: {error}");
                return;
            }
            var turn = await adapter.RunTurnAsync(zaloEvent!, stoppingToken);
            var heldUntil = timeProvider.GetUtcNow() + options.CurrentValue.Inbox.ReplyHold;
            Interlocked.Increment(ref sending);
            try
            {
                // The turn's commune ended with the turn: its replies are that commune's records (none's before it was said).
                using (turn.Commune is { } commune ? communes.Enter(commune) : (CommuneContext.Scope?)null)
                {
                    replies = inbox.Complete(row.Id, turn.ToOutbox(heldUntil));
                }
            }
            catch
            {
                Interlocked.Decrement(ref sending);
                throw;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            Fail(row, e);
            return;
        }
        try
        {
            await SendAsync(row, replies, stoppingToken);
        }
        finally
        {
            Interlocked.Decrement(ref sending);
        }
    }

    /// <summary>
    /// Sends the turn's replies in order, each marked sent once Zalo has accepted it. The first that fails, and those
    /// after it, are left to the outbox, which tries them when their hold ends.
    /// </summary>
    private async Task SendAsync(InboxEvent row, IReadOnlyList<Delivery> replies, CancellationToken stoppingToken)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Half the hold, so this sending has ended before the outbox may take the same rows.
        hold.CancelAfter(options.CurrentValue.Inbox.ReplyHold / 2);
        foreach (var reply in replies)
        {
            try
            {
                await sender.SendTextAsync(reply.To.BotId, row.Sender, reply.Text, hold.Token);
            }
            catch (Exception e) when (e is DeliveryFailedException or OperationCanceledException)
            {
                logger.LogWarning("A reply to {User} was not sent now ({Reason}); the outbox sends it later",
                    ZaloSender.Mask(row.Sender), e is DeliveryFailedException failed ? failed.Reason : "no answer in time");
                return;
            }
            outbox.MarkSent(reply.Id);
        }
    }

    private void Fail(InboxEvent row, Exception e)
    {
        var settings = options.CurrentValue.Inbox;
        var reason = $"{e.GetType().Name}: {e.Message}";
        if (row.Attempts >= settings.MaxAttempts)
        {
            Park(row, reason);
            return;
        }
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(row.Attempts - 1, 16));
        inbox.Reschedule(row.Id, timeProvider.GetUtcNow() + delay, reason);
        logger.LogWarning(e, "Zalo event {Event} of {User} failed (attempt {Attempt} of {MaxAttempts}); next in {Delay}",
            row.Id, ZaloSender.Mask(row.Sender), row.Attempts, settings.MaxAttempts, delay);
    }

    private void Park(InboxEvent row, string reason)
    {
        inbox.Park(row.Id, reason);
        logger.LogError("Zalo event {Event} of {User} parked after {Attempts} attempt(s), kept in the inbox: {Reason}",
            row.Id, ZaloSender.Mask(row.Sender), row.Attempts, reason);
    }

    private void RemoveOldEvents()
    {
        var now = timeProvider.GetUtcNow();
        if (now < nextCleanup)
        {
            return;
        }
        nextCleanup = now + options.CurrentValue.Inbox.PollInterval;
        var removed = inbox.RemoveDone(now - options.CurrentValue.RedeliveryWindow);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} handled Zalo events older than {Window}", removed, options.CurrentValue.RedeliveryWindow);
        }
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var delay = options.CurrentValue.Inbox.PollInterval;
        if (nextRetry is { } due && due - timeProvider.GetUtcNow() is var untilDue && untilDue < delay)
        {
            delay = untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Whichever comes first; the other is cancelled so that it cannot swallow a later signal.
        await Task.WhenAny(signal.WaitAsync(wait.Token), Task.Delay(delay, timeProvider, wait.Token));
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
