using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using System.Threading.RateLimiting;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Notices;

/// <summary>
/// Sends the outbox: fans broadcasts out to their audience, then sends due rows through <see cref="ProactiveMessenger"/>
/// within each channel's rate limit. A row is marked Sent as soon as its channel accepted it; transient failures are
/// retried at once a few times, then in later rounds with doubling delays, until the row is marked Failed.
/// </summary>
public sealed class OutboxWorker : BackgroundService
{
    private readonly IOutbox outbox;
    private readonly INoticeStore notices;
    private readonly CommuneContext communes;
    private readonly OutboxSignal signal;
    private readonly ProactiveMessenger messenger;
    private readonly OutboxOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<OutboxWorker> logger;
    private readonly PartitionedRateLimiter<string> rateLimits;
    private readonly ResiliencePipeline pipeline;
    private readonly OutboxTelemetry telemetry;

    public OutboxWorker(
        IOutbox outbox,
        INoticeStore notices,
        CommuneContext communes,
        OutboxSignal signal,
        ProactiveMessenger messenger,
        IOptions<OutboxOptions> options,
        TimeProvider timeProvider,
        OutboxTelemetry telemetry,
        ILogger<OutboxWorker> logger)
    {
        this.telemetry = telemetry;
        this.outbox = outbox;
        this.notices = notices;
        this.communes = communes;
        this.signal = signal;
        this.messenger = messenger;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
        rateLimits = this.options.CreateRateLimiter();
        pipeline = BuildPipeline(this.options, timeProvider);
    }

    /// <summary>
    /// Fans out every waiting broadcast and sends every row due now, then returns. Cancelling stops between sends;
    /// what was not sent stays pending for the next run.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var moreToFanOut = false;
            foreach (var notice in notices.AwaitingFanOut())
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Each broadcast reaches its own commune's subscribers; one of a commune no longer served waits.
                if (communes.Enter(notice.Commune) is { } scope)
                {
                    using (scope)
                    {
                        moreToFanOut |= notices.FanOutNextPage(notice.Id, options.FanOutPageSize);
                    }
                }
            }
            var batch = outbox.Due(timeProvider.GetUtcNow(), options.BatchSize);
            if (batch.Count == 0 && !moreToFanOut)
            {
                return;
            }
            var accepted = new AcceptedDeliveries(outbox);
            try
            {
                await Parallel.ForEachAsync(
                    batch,
                    new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
                    (row, ct) => SendAsync(row, accepted, ct));
            }
            finally
            {
                // Whatever a channel accepted is recorded, also when stopping.
                accepted.Flush();
            }
        }
    }

    public override void Dispose()
    {
        rateLimits.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    await DrainAsync(stoppingToken);
                    await WaitForWorkAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The database or a bug: keep the worker alive and try again at the next poll.
                    logger.LogError(e, "The outbox could not be processed");
                    await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("The outbox worker stopped; pending messages are sent after the next start");
        }
    }

    private async ValueTask SendAsync(Delivery row, AcceptedDeliveries accepted, CancellationToken cancellationToken)
    {
        // The row's commune is current while it is sent (a commune's own channel account, its texts).
        using var commune = communes.Enter(row.Commune);
        using var lease = await rateLimits.AcquireAsync(row.To.ChannelId, cancellationToken: cancellationToken);
        if (!lease.IsAcquired)
        {
            return;
        }
        ConversationReference reference;
        try
        {
            reference = row.To.ToConversationReference();
        }
        catch (ArgumentException)
        {
            Finish(row, "The stored chat address has no conversation.", isTransient: false);
            return;
        }
        try
        {
            var activity = OutboxActivity.Of(row);
            await pipeline.ExecuteAsync(async ct => await messenger.SendAsync(reference, activity, ct), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DeliveryFailedException e)
        {
            Finish(row, e.Reason, e.IsTransient);
            return;
        }
        catch (TimeoutRejectedException)
        {
            Finish(row, $"No answer from the channel within {options.SendTimeout.TotalSeconds:0} s.", isTransient: true);
            return;
        }
        catch (Exception e)
        {
            // Unexpected failures are retried like transient ones; MaxAttempts still bounds them.
            logger.LogError(e, "Delivery {Delivery} on {Channel} failed unexpectedly", row.Id, row.To.ChannelId);
            Finish(row, $"{e.GetType().Name}: {e.Message}", isTransient: true);
            return;
        }
        // Recorded whatever happens to the token now: the channel has accepted the message.
        accepted.Add(row.Id);
        telemetry.Accepted(row, timeProvider.GetUtcNow());
    }

    private void Finish(Delivery row, string reason, bool isTransient)
    {
        var attempts = row.Attempts + 1;
        if (isTransient && attempts < options.MaxAttempts)
        {
            var delay = options.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
            outbox.Reschedule(row.Id, timeProvider.GetUtcNow() + delay, reason);
            telemetry.NotAccepted(row, willRetry: true);
            logger.LogWarning("Delivery {Delivery} on {Channel} failed ({Reason}); attempt {Attempt} of {MaxAttempts}, next in {Delay}",
                row.Id, row.To.ChannelId, reason, attempts, options.MaxAttempts, delay);
            return;
        }
        outbox.MarkFailed(row.Id, reason);
        telemetry.NotAccepted(row, willRetry: false);
        logger.LogWarning("Delivery {Delivery} ({Kind}) on {Channel} failed for good after {Attempts} attempt(s): {Reason}",
            row.Id, row.Kind, row.To.ChannelId, attempts, reason);
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var delay = options.PollInterval;
        if (outbox.NextDueAt() is { } due)
        {
            var untilDue = due - timeProvider.GetUtcNow();
            if (untilDue <= TimeSpan.Zero)
            {
                return;
            }
            delay = untilDue < delay ? untilDue : delay;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Whichever comes first; the other is cancelled so that it cannot swallow a later signal.
        await Task.WhenAny(signal.WaitAsync(wait.Token), Task.Delay(delay, timeProvider, wait.Token));
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static ResiliencePipeline BuildPipeline(OutboxOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.QuickRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<DeliveryFailedException>(e => e.IsTransient)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.QuickRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.QuickRetryDelay,
                UseJitter = true,
            });
        }
        return builder.AddTimeout(options.SendTimeout).Build();
    }

    /// <summary>
    /// Records accepted deliveries as Sent before their sender takes another row, by group commit: a sender waits for
    /// the write in progress, then records everything accepted meanwhile (its own row included, unless the previous
    /// writer took it). So each sender has at most one accepted row not yet recorded, and a crash can repeat at most
    /// <see cref="OutboxOptions.MaxConcurrency"/> messages; under load one transaction still records many.
    /// </summary>
    private sealed class AcceptedDeliveries(IOutbox outbox)
    {
        private readonly Lock pendingGate = new();
        private readonly Lock writing = new();
        private List<long> pending = [];

        public void Add(long id)
        {
            lock (pendingGate)
            {
                pending.Add(id);
            }
            Flush();
        }

        /// <summary>Waits for a write in progress, then records what is left.</summary>
        public void Flush()
        {
            lock (writing)
            {
                RecordPending();
            }
        }

        private void RecordPending()
        {
            while (true)
            {
                List<long> group;
                lock (pendingGate)
                {
                    if (pending.Count == 0)
                    {
                        return;
                    }
                    group = pending;
                    pending = [];
                }
                outbox.MarkSent(group);
            }
        }
    }
}
