using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Addressing;

namespace OneStopBot.Bot.Channels.Turns;

/// <summary>
/// One turn at a time per conversation, on every channel: a turn reads the conversation's state and saves it at the
/// end, so two overlapping turns (a double tap on "Gửi", a channel's retry) would both act on the same old state.
/// A gate exists only while a turn of its conversation runs or waits, so memory follows the turns in flight.
/// Proactive continuations are not gated: they may be sent from inside a turn of the same conversation.
/// </summary>
public sealed class ConversationTurns : Microsoft.Bot.Builder.IMiddleware
{
    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);

    /// <summary>Conversations with a turn running or waiting.</summary>
    public int Active
    {
        get
        {
            lock (gates)
            {
                return gates.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { } conversationId || activity.IsContinuation())
        {
            await next(cancellationToken);
            return;
        }

        var key = (activity.ChannelId ?? string.Empty).ToLowerInvariant() + "\n" + conversationId;
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(key, out gate!))
            {
                gates[key] = gate = new Gate();
            }
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            lock (gates)
            {
                if (--gate.Users == 0)
                {
                    gates.Remove(key);
                    gate.Semaphore.Dispose();
                }
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
