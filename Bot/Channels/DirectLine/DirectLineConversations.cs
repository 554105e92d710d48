using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>The web chat conversations held in memory, and the dropping of those left idle.</summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversations> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly TimeSpan idleTimeout = options.Value.IdleTimeout;
    private readonly int maxConversations = options.Value.MaxConversations;

    public int Count => conversations.Count;

    /// <summary>
    /// A new conversation. At the limit, idle conversations go first, then the anonymous one left alone longest, so
    /// that a flood of starts pushes out only other anonymous visitors' quiet chats, never a signed-in staff member's;
    /// null only when every conversation belongs to staff.
    /// </summary>
    public DirectLineConversation? TryCreate(string userId, string? staffName = null)
    {
        if (conversations.Count >= maxConversations && RemoveIdle() == 0 && conversations.Count >= maxConversations && !EvictOldestAnonymous())
        {
            logger.LogWarning("Web chat is full: {Count} conversations open", conversations.Count);
            return null;
        }
        while (true)
        {
            var conversation = new DirectLineConversation(RandomId(), userId, time.GetUtcNow(), staffName);
            if (conversations.TryAdd(conversation.Id, conversation))
            {
                return conversation;
            }
        }
    }

    /// <summary>The live conversation with this id; one idle past its time counts as gone even before the sweep.</summary>
    public DirectLineConversation? Find(string id)
    {
        if (!conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }
        if (conversation.IsIdle(time.GetUtcNow(), idleTimeout))
        {
            Drop(conversation);
            return null;
        }
        return conversation;
    }

    /// <summary>Drops every idle conversation; returns how many.</summary>
    public int RemoveIdle()
    {
        var now = time.GetUtcNow();
        var dropped = 0;
        foreach (var conversation in conversations.Values)
        {
            if (conversation.IsIdle(now, idleTimeout) && Drop(conversation))
            {
                dropped++;
            }
        }
        if (dropped > 0)
        {
            logger.LogInformation("Dropped {Count} idle web chat conversations; {Left} remain", dropped, conversations.Count);
        }
        return dropped;
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
