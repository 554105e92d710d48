using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloTurnQueueTests
{
    private static ZaloTurnQueue Queue(int maxPending) =>
        new(Options.Create(new ZaloOptions { MaxPendingTurns = maxPending }), NullLogger<ZaloTurnQueue>.Instance);

    [Fact]
    public async Task A_full_queue_refuses_work_until_some_has_finished()
    {
        var queue = Queue(maxPending: 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(queue.TryEnqueue("a", _ => gate.Task));
        Assert.True(queue.TryEnqueue("b", _ => gate.Task));
        Assert.False(queue.TryEnqueue("c", _ => Task.CompletedTask));
        Assert.Equal(2, queue.Pending);

        gate.SetResult();
        await WaitUntilAsync(() => queue.Pending == 0);
        Assert.True(queue.TryEnqueue("c", _ => { done.SetResult(); return Task.CompletedTask; }));
        await done.Task.WaitAsync(FakeZaloApi.Patience);
    }

    [Fact]
    public async Task A_failing_turn_does_not_stop_its_lane()
    {
        var queue = Queue(maxPending: 10);
        var ran = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        queue.TryEnqueue("a", _ => throw new InvalidOperationException("boom"));
        queue.TryEnqueue("a", _ => { ran.SetResult("second"); return Task.CompletedTask; });

        Assert.Equal("second", await ran.Task.WaitAsync(FakeZaloApi.Patience));
    }

    [Fact]
    public async Task Stopping_cancels_running_turns_and_refuses_new_ones()
    {
        var queue = Queue(maxPending: 10);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        queue.TryEnqueue("a", async ct =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            finally
            {
                cancelled = ct.IsCancellationRequested;
            }
        });
        await started.Task.WaitAsync(FakeZaloApi.Patience);

        await queue.StopAsync(new CancellationTokenSource(FakeZaloApi.Patience).Token);

        Assert.True(cancelled);
        Assert.False(queue.TryEnqueue("a", _ => Task.CompletedTask));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(FakeZaloApi.Patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
