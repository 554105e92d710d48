using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Bot.Channels;

namespace OneStopBot.Bot.Tests.Notices;

/// <summary>A channel that records what it is asked to send, and can fail, hold or react on request.</summary>
public sealed class RecordingChannel(string channelId) : IProactiveChannel
{
    private readonly ConcurrentQueue<(int Count, TaskCompletionSource Reached)> waiters = new();
    private int calls;
    private int sentCount;

    public ConcurrentQueue<(string UserId, IMessageActivity Activity)> Sent { get; } = new();

    /// <summary>Called with the attempt number (1-based) before anything is recorded; an exception returned is thrown.</summary>
    public Func<ConversationReference, int, Exception?> Failure { get; set; } = (_, _) => null;

    /// <summary>Called with the number of messages sent so far, after each one.</summary>
    public Action<int> AfterSend { get; set; } = _ => { };

    /// <summary>Sends wait for this before doing anything.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public int Calls => Volatile.Read(ref calls);

    public bool CanReach(ConversationReference reference) => reference.ChannelId == channelId;

    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var attempt = Interlocked.Increment(ref calls);
        if (Failure(reference, attempt) is { } failure)
        {
            throw failure;
        }
        using var turn = new TurnContext(new RecordingAdapter(this, reference.User.Id), reference.GetContinuationActivity());
        await callback(turn, cancellationToken);
    }

    /// <summary>Completes once <paramref name="count"/> messages have been sent.</summary>
    public Task WaitForSendsAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Enqueue((count, reached));
        Release();
        return reached.Task;
    }

    private void Record(string userId, IMessageActivity activity)
    {
        Sent.Enqueue((userId, activity));
        var count = Interlocked.Increment(ref sentCount);
        AfterSend(count);
        Release();
    }

    private void Release()
    {
        foreach (var (count, reached) in waiters)
        {
            if (Volatile.Read(ref sentCount) >= count)
            {
                reached.TrySetResult();
            }
        }
    }

    private sealed class RecordingAdapter(RecordingChannel channel, string userId) : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            foreach (var activity in activities)
            {
                channel.Record(userId, activity);
            }
            return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Proactive messages are never updated.");

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Proactive messages are never deleted.");
    }
}
