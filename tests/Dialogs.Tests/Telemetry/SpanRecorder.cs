using System.Collections.Concurrent;
using System.Diagnostics;
using OneStopBot.Dialogs.Telemetry;

namespace OneStopBot.Dialogs.Tests.Telemetry;

/// <summary>
/// The dialog spans of the calling test only, in the order they started: those under a trace it starts (made in the
/// test's own flow), whatever else runs at the same time.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly Activity root = new Activity(nameof(SpanRecorder)).Start();
    private readonly ConcurrentQueue<Activity> started = new();
    private readonly ActivityListener listener;

    public SpanRecorder()
    {
        var trace = root.TraceId;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DialogTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.TraceId == trace)
                {
                    started.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Started => [.. started];

    public void Dispose()
    {
        listener.Dispose();
        root.Dispose();
    }
}
