using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// The web chat conversations: those in use held in memory, every one kept in the database until
/// <see cref="DirectLineOptions.ConversationExpiry"/>, so that an open page carries on after a restart or a long pause.
/// </summary>
public sealed class DirectLineConversations(
    DirectLineTranscripts store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversations> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock admission = new();
    private readonly TimeSpan idleTimeout = options.Value.IdleTimeout;
    private readonly TimeSpan expiry = options.Value.ConversationExpiry;
    private readonly int maxConversations = options.Value.MaxConversations;
    private readonly int kept = options.Value.KeptActivities;

    /// <summary>How many are held in memory.</summary>
    public int Count => conversations.Count;

    /// <summary>
    /// A new conversation. At the limit, idle conversations leave memory first, then the anonymous one left alone
    /// longest, so that a flood of starts pushes out only other anonymous visitors' quiet chats, never a signed-in staff
    /// member's; null only when every conversation in memory belongs to staff.
    /// </summary>
    public DirectLineConversation? TryCreate(string userId, string? staffName = null, string? commune = null)
    {
        var stored = new StoredConversation { Id = RandomId(), UserId = userId, StaffName = staffName, Commune = commune, LastActive = time.GetUtcNow().UtcDateTime };
        var conversation = Admit(new DirectLineConversation(stored, [], store, kept));
        if (conversation is not null)
        {
            store.Create(stored);
        }
        return conversation;
    }

    /// <summary>
    /// The conversation with this id: from memory, or else from the database unless unused past its expiry. One idle past
    /// <see cref="DirectLineOptions.IdleTimeout"/> leaves memory (its streams end) and is read back.
    /// </summary>
    public DirectLineConversation? Find(string id)
    {
        var now = time.GetUtcNow();
        if (conversations.TryGetValue(id, out var conversation))
        {
            if (!conversation.IsIdle(now, idleTimeout))
            {
                return conversation;
            }
            Drop(conversation);
        }
        return store.Load(id, now - expiry) is { } restored
            ? Admit(new DirectLineConversation(restored.Conversation, restored.Activities, store, kept))
            : null;
    }

    /// <summary>Drops every idle conversation from memory and deletes those past their expiry; returns how many left memory.</summary>
    public int RemoveIdle()
    {
        var dropped = RemoveIdleFromMemory();
        var deleted = store.DeleteInactive(time.GetUtcNow() - expiry);
        if (dropped > 0 || deleted > 0)
        {
            logger.LogInformation(
                "Web chat: {Dropped} idle conversations left memory, {Deleted} expired ones deleted; {Left} remain in memory", dropped, deleted, conversations.Count);
        }
        return dropped;
    }

    /// <summary>Holds the conversation in memory, making room first; the one already held wins a race for the same id.</summary>
    private DirectLineConversation? Admit(DirectLineConversation conversation)
    {
        lock (admission)
        {
            if (conversations.TryGetValue(conversation.Id, out var held))
            {
                return held;
            }
            if (conversations.Count >= maxConversations && RemoveIdleFromMemory() == 0 && !EvictOldestAnonymous())
            {
                logger.LogWarning("Web chat is full: {Count} conversations open", conversations.Count);
                return null;
            }
            conversations[conversation.Id] = conversation;
            return conversation;
        }
    }

    private int RemoveIdleFromMemory()
    {
        var now = time.GetUtcNow();
        return conversations.Values.Count(c => c.IsIdle(now, idleTimeout) && Drop(c));
    }

    private bool EvictOldestAnonymous()
    {
        var oldest = conversations.Values.Where(c => c.StaffName is null).MinBy(c => c.LastActive);
        return oldest is not null && Drop(oldest);
    }

    private bool Drop(DirectLineConversation conversation)
    {
        if (!conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }
        conversation.Close();
        return true;
    }

    /// <summary>Unguessable ids: the id is what a token is scoped to.</summary>
    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
