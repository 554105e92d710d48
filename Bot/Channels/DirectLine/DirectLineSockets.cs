using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// The web chat streams open on this host, by conversation and by client address. The official client keeps one
/// stream per conversation and opens a new one when it reconnects; past <see cref="DirectLineOptions.MaxSocketsPerConversation"/>
/// or <see cref="DirectLineOptions.MaxSocketsPerAddress"/> the oldest is told to close, so a page that reconnects keeps
/// its newest stream and nobody holds hundreds open.
/// </summary>
public sealed class DirectLineSockets(IOptions<DirectLineOptions> options)
{
    /// <summary>The close reasons a replaced stream is given (WebSocket close status 1008, policy violation).</summary>
    public const string ConversationReason = "Cuộc trò chuyện đã mở ở nơi khác.";
    public const string AddressReason = "Địa chỉ này mở quá nhiều cuộc trò chuyện.";

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedList<Lease>> byConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<Lease>> byAddress = new(StringComparer.Ordinal);

    /// <summary>Counts a newly accepted stream; disposing the lease forgets it.</summary>
    public Lease Open(string conversationId, string clientAddress)
    {
        var settings = options.Value;
        var lease = new Lease(this, conversationId, clientAddress);
        var replaced = new List<(Lease Lease, string Reason)>();
        lock (gate)
        {
            lease.InConversation = Add(byConversation, conversationId, lease);
            lease.FromAddress = Add(byAddress, clientAddress, lease);
            Trim(byConversation[conversationId], settings.MaxSocketsPerConversation, ConversationReason, replaced);
            Trim(byAddress[clientAddress], settings.MaxSocketsPerAddress, AddressReason, replaced);
        }
        foreach (var (old, reason) in replaced)
        {
            old.Replace(reason);
        }
        return lease;
    }

    /// <summary>How many streams are counted for a conversation.</summary>
    public int CountFor(string conversationId)
    {
        lock (gate)
        {
            return byConversation.TryGetValue(conversationId, out var list) ? list.Count : 0;
        }
    }

    private static LinkedListNode<Lease> Add(Dictionary<string, LinkedList<Lease>> index, string key, Lease lease)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new LinkedList<Lease>();
        }
        return list.AddLast(lease);
    }

    private void Trim(LinkedList<Lease> list, int max, string reason, List<(Lease, string)> replaced)
    {
        while (list.Count > max)
        {
            var oldest = list.First!.Value;
            Forget(oldest);
            replaced.Add((oldest, reason));
        }
    }

    /// <summary>Removes a lease from both indexes; under <see cref="gate"/>.</summary>
    private void Forget(Lease lease)
    {
        Remove(byConversation, lease.ConversationId, ref lease.InConversation);
        Remove(byAddress, lease.ClientAddress, ref lease.FromAddress);
    }

    private static void Remove(Dictionary<string, LinkedList<Lease>> index, string key, ref LinkedListNode<Lease>? node)
    {
        if (node is null)
        {
            return;
        }
        var list = node.List!;
        list.Remove(node);
        node = null;
        if (list.Count == 0)
        {
            index.Remove(key);
        }
    }

    /// <summary>One open stream. <see cref="Replaced"/> fires when a newer stream took its place.</summary>
    public sealed class Lease(DirectLineSockets owner, string conversationId, string clientAddress) : IDisposable
    {
        private readonly CancellationTokenSource replaced = new();

        internal LinkedListNode<Lease>? InConversation;
        internal LinkedListNode<Lease>? FromAddress;

        public string ConversationId => conversationId;

        public string ClientAddress => clientAddress;

        public CancellationToken Replaced => replaced.Token;

        /// <summary>Why the stream was replaced, once <see cref="Replaced"/> has fired.</summary>
        public string? Reason { get; private set; }

        internal void Replace(string reason)
        {
            Reason = reason;
            try
            {
                replaced.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended on its own meanwhile.
            }
        }

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.Forget(this);
            }
            replaced.Dispose();
        }
    }
}
