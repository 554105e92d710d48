using LiteDB;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>
/// The durable outbox: every proactive message is a <see cref="Delivery"/> row before anything is sent. A row is
/// marked Sent right after its channel accepted it and is never picked again; rows still Pending when the process
/// stops are picked up by the next worker.
/// </summary>
public sealed class Outbox(NoticeCollections collections) : IOutbox
{
    public Delivery Enqueue(OutboxMessage message)
    {
        var commune = message.BeforeCommune ? string.Empty : collections.Communes.Current.Id;
        var delivery = collections.NewDelivery(commune, message.Kind, message.To, message.Text, message.Actions);
        if (message.DueAt is { } dueAt)
        {
            delivery = delivery with { DueAt = dueAt };
        }
        // No notice's counters change, so the write gate is not needed: one insert is atomic, and inside a caller's
        // transaction (a status change and its notification) it commits or rolls back with it.
        var id = collections.Deliveries.Insert(delivery).AsInt64;
        collections.WakeWorkerAfterCommit();
        return delivery with { Id = id };
    }

    public Delivery? Get(long id) => collections.Deliveries.FindById(id).Own(collections.Communes.Current.Id);

    /// <summary>Pending rows whose time has come, the longest waiting first.</summary>
    public IReadOnlyList<Delivery> Due(DateTimeOffset now, int limit) =>
        collections.Deliveries.Find(Filter.Between(nameof(Delivery.DueAt), DateTime.MinValue, now.UtcDateTime), limit: limit).ToList();

    /// <summary>When the next pending row falls due, or null when nothing is pending.</summary>
    public DateTimeOffset? NextDueAt() =>
        collections.Deliveries.Find(Query.Between(nameof(Delivery.DueAt), DateTime.MinValue, DateTime.MaxValue), limit: 1)
            .FirstOrDefault()?.DueAt;

    public void MarkSent(long id) =>
        Finish([id], DeliveryState.Sent, error: null);

    /// <summary>Marks several accepted rows Sent in one transaction, which costs about as much as marking one.</summary>
    public void MarkSent(IReadOnlyCollection<long> ids) =>
        Finish(ids, DeliveryState.Sent, error: null);

    public void MarkFailed(long id, string reason) =>
        Finish([id], DeliveryState.Failed, reason);

    /// <summary>Counts a failed attempt and leaves the row pending until <paramref name="dueAt"/>.</summary>
    public void Reschedule(long id, DateTimeOffset dueAt, string reason)
    {
        lock (collections.WriteGate)
        {
            var row = collections.Deliveries.FindById(id);
            if (row is { State: DeliveryState.Pending })
            {
                collections.Deliveries.Update(row with { Attempts = row.Attempts + 1, DueAt = dueAt, LastError = reason });
            }
        }
    }

    private void Finish(IReadOnlyCollection<long> ids, DeliveryState state, string? error)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var queuedReport = false;
        lock (collections.WriteGate)
        {
            collections.Database.InTransaction(() =>
            {
                var now = collections.Time.GetUtcNow();
                var finishedPerNotice = new Dictionary<int, int>();
                foreach (var id in ids)
                {
                    var row = collections.Deliveries.FindById(id);
                    if (row is not { State: DeliveryState.Pending })
                    {
                        continue;
                    }
                    collections.Deliveries.Update(row with
                    {
                        State = state,
                        Attempts = row.Attempts + 1,
                        DueAt = null,
                        LastError = error ?? row.LastError,
                        SentAt = state == DeliveryState.Sent ? now : null,
                    });
                    if (row.NoticeId is { } noticeId)
                    {
                        finishedPerNotice[noticeId] = finishedPerNotice.GetValueOrDefault(noticeId) + 1;
                    }
                }
                foreach (var (noticeId, finished) in finishedPerNotice)
                {
                    queuedReport |= CountFinished(noticeId, finished, state);
                }
                return 0;
            });
        }
        if (queuedReport)
        {
            collections.WakeWorkerAfterCommit();
        }
    }

    /// <summary>Moves deliveries from pending to sent or failed on their notice; true when that queued its report.</summary>
    private bool CountFinished(int noticeId, int finished, DeliveryState state)
    {
        if (collections.Notices.FindById(noticeId) is not { } notice)
        {
            return false;
        }
        var counted = notice with
        {
            Pending = notice.Pending - finished,
            Sent = notice.Sent + (state == DeliveryState.Sent ? finished : 0),
            Failed = notice.Failed + (state == DeliveryState.Failed ? finished : 0),
        };
        var reported = collections.QueueReportIfFinished(counted);
        collections.Notices.Update(reported);
        return reported.ReportQueued != counted.ReportQueued;
    }
}
