namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>A batch of activities and the watermark to ask from next time, as Direct Line sends them.</summary>
public sealed record ActivitySet(IReadOnlyList<string> Activities, int Watermark);

/// <summary>
/// One web chat conversation held in memory: its last activities (each kept as the JSON sent to clients, so later
/// changes to the objects cannot alter what was said) and a signal for the streams waiting on it. Every change is
/// written through to the database, from which a conversation dropped from memory or lost in a restart comes back.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The source has no timer or linked token: cancelling it is all it needs, and an idle conversation is simply dropped.")]
public sealed class DirectLineConversation
{
    private readonly Lock gate = new();
    private readonly List<string> transcript;
    private readonly CancellationTokenSource closed = new();
    private readonly DirectLineTranscripts store;
    private readonly int kept;
    private TaskCompletionSource changed = NewSignal();
    private int first;
    private bool started;

    /// <summary>A conversation as stored; <paramref name="activities"/> are the last ones, ending at <see cref="StoredConversation.Count"/>.</summary>
    public DirectLineConversation(StoredConversation stored, IReadOnlyList<string> activities, DirectLineTranscripts store, int kept)
    {
        Id = stored.Id;
        UserId = stored.UserId;
        StaffName = stored.StaffName;
        Commune = stored.Commune;
        LastActive = new DateTimeOffset(stored.LastActive, TimeSpan.Zero);
        started = stored.Started;
        transcript = [.. activities.TakeLast(kept)];
        first = stored.Count - transcript.Count;
        this.store = store;
        this.kept = kept;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The staff member who signed in for this conversation; null for residents.</summary>
    public string? StaffName { get; }

    /// <summary>The commune whose web chat it is; each of its turns acts for that commune.</summary>
    public string? Commune { get; }

    public DateTimeOffset LastActive { get; private set; }

    /// <summary>Turns run one at a time, so replies keep the order of the messages they answer.</summary>
    public SemaphoreSlim TurnGate { get; } = new(1, 1);

    /// <summary>Cancelled when the conversation is dropped from memory, which ends its open streams.</summary>
    public CancellationToken Closed => closed.Token;

    /// <summary>How many activities were ever appended.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return first + transcript.Count;
            }
        }
    }

    /// <summary>True the first time only: the conversation is announced to the bot once, even across restarts.</summary>
    public bool TryMarkStarted()
    {
        lock (gate)
        {
            if (started)
            {
                return false;
            }
            started = true;
            store.MarkStarted(Id);
            return true;
        }
    }

    /// <summary>Adds an activity, given as a function of its id so the id and the JSON are made under one lock.</summary>
    public string Append(Func<string, string> serialize, DateTimeOffset now)
    {
        TaskCompletionSource wake;
        string id;
        lock (gate)
        {
            var index = first + transcript.Count;
            id = ActivityId(index);
            var json = serialize(id);
            transcript.Add(json);
            if (transcript.Count > kept)
            {
                transcript.RemoveAt(0);
                first++;
            }
            store.Append(Id, index, json, kept, now);
            LastActive = now;
            wake = changed;
            changed = NewSignal();
        }
        wake.TrySetResult();
        return id;
    }

    /// <summary>What follows <paramref name="watermark"/>, from the oldest activity still kept.</summary>
    public ActivitySet Read(int watermark)
    {
        lock (gate)
        {
            var from = Math.Clamp(watermark, first, first + transcript.Count) - first;
            return new ActivitySet(transcript.GetRange(from, transcript.Count - from), first + transcript.Count);
        }
    }

    /// <summary>Completes when there is anything past <paramref name="watermark"/>.</summary>
    public Task WaitForActivitiesAsync(int watermark, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return first + transcript.Count > watermark ? Task.CompletedTask : changed.Task.WaitAsync(cancellationToken);
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (gate)
        {
            if (now > LastActive)
            {
                LastActive = now;
                store.Touch(Id, now);
            }
        }
    }

    public bool IsIdle(DateTimeOffset now, TimeSpan timeout)
    {
        lock (gate)
        {
            return now - LastActive > timeout;
        }
    }

    public void Close() => closed.Cancel();

    private string ActivityId(int index) => $"{Id}|{index:D7}";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
