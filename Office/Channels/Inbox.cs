using LiteDB;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Channels;

/// <summary>
/// The inbox of webhook events in the office database. An event is a row before the channel is told it arrived, and
/// the row is marked done in the same transaction that puts its turn's replies in the outbox, so an event is either
/// still pending (its turn runs again after a crash) or answered through the outbox, never lost in between.
/// </summary>
public sealed class Inbox(OfficeDatabase database, IOutbox outbox, OutboxSignal outboxSignal, TimeProvider time) : IInbox
{
    public const string CollectionName = "inbox";

    /// <summary>The unique index: a channel's message id is stored once.</summary>
    internal const string MessageIndex = "channel_message";

    internal const string MessageKeyExpression = $"$.{nameof(InboxEvent.Channel)} + '/' + $.{nameof(InboxEvent.MessageId)}";

    private ILiteCollection<InboxEvent> Events => database.Collection<InboxEvent>(CollectionName);

    public InboxEvent? Add(IncomingEvent incoming)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incoming.Channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(incoming.MessageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(incoming.Sender);
        return database.InTransaction(() =>
        {
            if (Find(incoming.Channel, incoming.MessageId) is not null)
            {
                return null;
            }
            var now = time.GetUtcNow();
            var row = new InboxEvent
            {
                Channel = incoming.Channel,
                MessageId = incoming.MessageId,
                Sender = incoming.Sender,
                Body = incoming.Body,
                State = InboxState.Pending,
                DueAt = now,
                ReceivedAt = now,
            };
            return row with { Id = Events.Insert(row).AsInt64 };
        });
    }

    public InboxEvent? Get(long id) => Events.FindById(id);

    public InboxEvent? Find(string channel, string messageId) =>
        Events.FindOne(Query.EQ(MessageKeyExpression, channel + "/" + messageId));

    /// <summary>Pending rows of the channel in arrival order, those waiting for a retry included.</summary>
    public IReadOnlyList<InboxEvent> Pending(string channel, int limit) =>
        Events.Query()
            .Where(Query.Between(nameof(InboxEvent.DueAt), DateTime.MinValue, DateTime.MaxValue))
            .Where(e => e.Channel == channel)
            .OrderBy(e => e.Id)
            .Limit(limit)
            .ToList();

    public int CountPending(string channel) =>
        Events.Query()
            .Where(Query.Between(nameof(InboxEvent.DueAt), DateTime.MinValue, DateTime.MaxValue))
            .Where(e => e.Channel == channel)
            .Count();

    public IReadOnlyList<Delivery> Complete(long id, IReadOnlyList<OutboxMessage> replies)
    {
        var queued = database.InTransaction(() =>
        {
            if (Events.FindById(id) is not { State: InboxState.Pending } row)
            {
                return [];
            }
            var deliveries = replies.Select(outbox.Enqueue).ToList();
            // Only the id is needed from now on, to know a redelivery: the resident's words are not kept.
            Events.Update(row with { State = InboxState.Done, Body = string.Empty, DueAt = null, FinishedAt = time.GetUtcNow() });
            return deliveries;
        });
        // The outbox's own wake-up came before the commit, when its worker could not see the rows yet.
        if (queued.Count > 0)
        {
            outboxSignal.Notify();
        }
        return queued;
    }

    public InboxEvent? Begin(long id)
    {
        InboxEvent? counted = null;
        Update(id, row => counted = row with { Attempts = row.Attempts + 1 });
        return counted;
    }

    public void Reschedule(long id, DateTimeOffset dueAt, string reason) =>
        Update(id, row => row with { DueAt = dueAt, LastError = reason });

    public void Park(long id, string reason) =>
        Update(id, row => row with { State = InboxState.Parked, DueAt = null, LastError = reason, FinishedAt = time.GetUtcNow() });

    public int RemoveDone(DateTimeOffset finishedBefore) =>
        Events.DeleteMany(Query.And(
            Query.LT(nameof(InboxEvent.FinishedAt), finishedBefore.UtcDateTime),
            Query.EQ(nameof(InboxEvent.State), InboxState.Done.ToString())));

    private void Update(long id, Func<InboxEvent, InboxEvent> change) =>
        database.InTransaction(() =>
            Events.FindById(id) is { State: InboxState.Pending } row && Events.Update(change(row)));
}

/// <summary>The inbox's indexes, the unique one that refuses a message id stored already among them.</summary>
internal sealed class InboxSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database)
    {
        var events = database.Collection<InboxEvent>(Inbox.CollectionName);
        events.EnsureIndex(Inbox.MessageIndex, Inbox.MessageKeyExpression, unique: true);
        events.EnsureIndex(e => e.DueAt);
        events.EnsureIndex(e => e.FinishedAt);
    }
}
