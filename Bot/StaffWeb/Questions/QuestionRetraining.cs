using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.StaffWeb.Questions;

/// <summary>Where a retraining is.</summary>
public enum RetrainingState
{
    Queued,
    Running,

    /// <summary>The new model scored no lower and is in use.</summary>
    Accepted,

    /// <summary>The new model scored lower; the running one stays.</summary>
    Refused,

    /// <summary>No approved example to learn from.</summary>
    NothingToLearn,

    Cancelled,

    /// <summary>It took longer than <see cref="RetrainingOptions.Timeout"/>.</summary>
    TimedOut,

    Failed,
}

/// <summary>One retraining: who asked, when, what it learned from, the scores before and after, and the decision.</summary>
public sealed record RetrainingRun(string StartedBy, DateTimeOffset StartedAt)
{
    public RetrainingState State { get; init; } = RetrainingState.Queued;

    public int Examples { get; init; }

    public GateDecision? Decision { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool Finished => State is not (RetrainingState.Queued or RetrainingState.Running);
}

public sealed class RetrainingOptions
{
    public const string Section = "Retraining";

    /// <summary>A retraining running longer is stopped and the running model kept.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Retrains the understanding in the background, one run at a time, on the catalog's examples plus the approved
/// questions; the new model goes in without a restart only when its score on the held-out sets is not lower
/// (<see cref="ModelGate"/>). A run can be cancelled, and stops by itself after <see cref="RetrainingOptions.Timeout"/>;
/// either way the running model stays.
/// </summary>
public sealed partial class QuestionRetraining(
    ProcedureCatalog catalog,
    LiveUnderstanding live,
    QuestionReview review,
    IStaffAuditLog audit,
    IOptions<RetrainingOptions> options,
    TimeProvider time,
    ILogger<QuestionRetraining> logger) : BackgroundService
{
    public const string RetrainAction = "model.retrain";

    // One waiting request at most: a second click while one waits or runs is refused, not queued.
    private readonly Channel<CancellationTokenSource> requests = Channel.CreateBounded<CancellationTokenSource>(1);
    private readonly Lazy<ModelGate> gate = new(ModelGate.HeldOut);
    private readonly Lock sync = new();
    private RetrainingRun? last;
    private CancellationTokenSource? cancel;
    private TaskCompletionSource<RetrainingRun> finished = NewCompletion();

    /// <summary>The latest run, running or finished; null before the first since start-up.</summary>
    public RetrainingRun? Last
    {
        get
        {
            lock (sync)
            {
                return last;
            }
        }
    }

    /// <summary>Completes when the current or next run finishes.</summary>
    public Task<RetrainingRun> NextFinished
    {
        get
        {
            lock (sync)
            {
                return finished.Task;
            }
        }
    }

    /// <summary>Starts a run for <paramref name="staff"/>; false while another waits or runs.</summary>
    public bool TryStart(string staff)
    {
        lock (sync)
        {
            if (last is { Finished: false })
            {
                return false;
            }
            var source = new CancellationTokenSource();
            if (!requests.Writer.TryWrite(source))
            {
                source.Dispose();
                return false;
            }
            (last, cancel) = (new RetrainingRun(staff, time.GetUtcNow()), source);
            return true;
        }
    }

    /// <summary>Stops the waiting or running run; false when there is none.</summary>
    public bool Cancel()
    {
        lock (sync)
        {
            if (last is { Finished: false } && cancel is { } source)
            {
                source.Cancel();
                return true;
            }
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var source in requests.Reader.ReadAllAsync(stoppingToken))
        {
            using (source)
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, source.Token);
                limit.CancelAfter(options.Value.Timeout);
                var state = await RunAsync(limit.Token, source.Token, stoppingToken);
                Finish(state);
            }
        }
    }

    private async Task<(RetrainingState State, int Examples, GateDecision? Decision)> RunAsync(
        CancellationToken token, CancellationToken cancelled, CancellationToken stopping)
    {
        Update(run => run with { State = RetrainingState.Running });
        var examples = 0;
        try
        {
            token.ThrowIfCancellationRequested();
            var approved = review.TrainingExamples();
            examples = approved.Count;
            if (approved.Count == 0)
            {
                return (RetrainingState.NothingToLearn, 0, null);
            }
            var learned = approved.Select(StoredLearnedExamples.ToLearned).ToList();
            // Training and scoring are synchronous; waiting on them with the token lets a cancel or the host's stop
            // return at once, and the abandoned work ends on its own (its iterations are bounded) and is dropped.
            var candidate = await Task.Run(() => LearnedExample.Train(catalog, learned), token).WaitAsync(token);
            var decision = await Task.Run(() => gate.Value.Compare(live.Current, candidate, token), token).WaitAsync(token);
            if (decision.Accepted)
            {
                live.Replace(candidate);
                review.MarkInUse(approved.Select(q => q.Id).ToList());
            }
            return (decision.Accepted ? RetrainingState.Accepted : RetrainingState.Refused, examples, decision);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            var state = cancelled.IsCancellationRequested || stopping.IsCancellationRequested ? RetrainingState.Cancelled : RetrainingState.TimedOut;
            return (state, examples, null);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(logger, error);
            return (RetrainingState.Failed, examples, null);
        }
    }

    private void Finish((RetrainingState State, int Examples, GateDecision? Decision) result)
    {
        var run = Update(run => run with { State = result.State, Examples = result.Examples, Decision = result.Decision, FinishedAt = time.GetUtcNow() });
        try
        {
            audit.Record(run.StartedBy, RetrainAction, details: Describe(run));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The decision stands and the page shows it; a database fault must not stop the service for later runs.
            LogNotAudited(logger, error);
        }
        TaskCompletionSource<RetrainingRun> done;
        lock (sync)
        {
            (done, finished) = (finished, NewCompletion());
            cancel = null;
        }
        done.TrySetResult(run);
    }

    // The audit keeps the figures, without personal data.
    private static string Describe(RetrainingRun run) => run.Decision is { } d
        ? $"{run.State}; {run.Examples} examples; {d.Before.Correct}/{d.Before.Count} -> {d.After.Correct}/{d.After.Count}"
        : $"{run.State}; {run.Examples} examples";

    private RetrainingRun Update(Func<RetrainingRun, RetrainingRun> change)
    {
        lock (sync)
        {
            last = change(last!);
            return last;
        }
    }

    private static TaskCompletionSource<RetrainingRun> NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Error, Message = "A finished retraining could not be written to the audit log")]
    private static partial void LogNotAudited(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retraining the understanding failed; the running model stays")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
