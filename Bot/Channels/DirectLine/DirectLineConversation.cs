namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>A batch of activities and the watermark to ask from next time, as Direct Line sends them.</summary>
public sealed record ActivitySet(IReadOnlyList<string> Activities, int Watermark);

/// <summary>
/// One web chat conversation in memory: its transcript (each activity kept as the JSON sent to clients, so
/// later changes to the objects cannot alter what was said) and a signal for the streams waiting on it.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock gate = new();
    private readonly List<string> transcript = [];
    private readonly CancellationTokenSource closed = new();
    private TaskCompletionSource changed = NewSignal();
    private bool started;

    public DirectLineConversation(string id, string userId, DateTimeOffset now, string? staffName = null)
    {
        Id = id;
        UserId = userId;
        StaffName = staffName;
        LastActive = now;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The staff member who signed in for this conversation; null for residents.</summary>
    public string? StaffName { get; }

    public DateTimeOffset LastActive { get; private set; }

    /// <summary>Turns run one at a time, so replies keep the order of the messages they answer.</summary>
    public SemaphoreSlim TurnGate { get; } = new(1, 1);

    /// <summary>Cancelled when the conversation is dropped, which ends its open streams.</summary>
    public CancellationToken Closed => closed.Token;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return transcript.Count;
            }
        }
    }

    /// <summary>True the first time only: the conversation is announced to the bot once.</summary>
    public bool TryMarkStarted()
    {
        lock (gate)
        {
            var first = !started;
            started = true;
            return first;
        }
    }

    /// <summary>Adds an activity, given as a function of its id so the id and the JSON are made under one lock.</summary>
    public string Append(Func<string, string> serialize, DateTimeOffset now)
    {
        TaskCompletionSource wake;
        string id;
        lock (gate)
        {
            id = ActivityId(transcript.Count);
            transcript.Add(serialize(id));
            LastActive = now;
            wake = changed;
            changed = NewSignal();
        }
        wake.TrySetResult();
        return id;
    }

    public ActivitySet Read(int watermark)
    {
        lock (gate)
        {
            var from = Math.Clamp(watermark, 0, transcript.Count);
            return new ActivitySet(transcript.GetRange(from, transcript.Count - from), transcript.Count);
        }
    }

    /// <summary>Completes when there is anything past <paramref name="watermark"/>.</summary>
    public Task WaitForActivitiesAsync(int watermark, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return transcript.Count > watermark ? Task.CompletedTask : changed.Task.WaitAsync(cancellationToken);
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (gate)
        {
            if (now > LastActive)
            {
                LastActive = now;
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
