using LiteDB;

namespace OneStopBot.Office.Notices;

/// <summary>
/// The durable outbox: every proactive message is a <see cref="Delivery"/> row before anything is sent. A row is
/// marked Sent right after its channel accepted it and is never picked again; rows still Pending when the process
/// stops are picked up by the next worker.
/// </summary>
public sealed class Outbox(NoticeCollections collections)
{
    public Delivery Enqueue(OutboxMessage message)
    {
        var delivery = collections.NewDelivery(message.Kind, message.To, message.Text, message.Actions);
        long id;
        lock (collections.WriteGate)
        {
            id = collections.Deliveries.Insert(delivery).AsInt64;
        }
        collections.Signal.Notify();
        return delivery with { Id = id };
    }

    public Delivery? Get(long id) => collections.Deliveries.FindById(id);

    /// <summary>Pending rows whose time has come, the longest waiting first.</summary>
    public IReadOnlyList<Delivery> Due(DateTimeOffset now, int limit) =>
        collections.Deliveries.Find(Query.Between(nameof(Delivery.DueAt), DateTime.MinValue, now.UtcDateTime), limit: limit).ToList();

    /// <summary>When the next pending row falls due, or null when nothing is pending.</summary>
    public DateTimeOffset? NextDueAt() =>
        collections.Deliveries.Find(Query.Between(nameof(Delivery.DueAt), DateTime.MinValue, DateTime.MaxValue), limit: 1)
            .FirstOrDefault()?.DueAt;

    public void MarkSent(long id) =>
        Finish(id, DeliveryState.Sent, error: null);

    public void MarkFailed(long id, string reason) =>
        Finish(id, DeliveryState.Failed, reason);

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

    private void Finish(long id, DeliveryState state, string? error)
    {
        var queuedReport = false;
        lock (collections.WriteGate)
        {
            collections.Database.InTransaction(() =>
            {
                var row = collections.Deliveries.FindById(id);
                if (row is not { State: DeliveryState.Pending })
                {
                    return 0;
                }
                var now = collections.Time.GetUtcNow();
                collections.Deliveries.Update(row with
                {
                    State = state,
                    Attempts = row.Attempts + 1,
                    DueAt = null,
                    LastError = error ?? row.LastError,
                    SentAt = state == DeliveryState.Sent ? now : null,
                });
                if (row.NoticeId is { } noticeId && collections.Notices.FindById(noticeId) is { } notice)
                {
                    var counted = notice with
                    {
                        Pending = notice.Pending - 1,
                        Sent = notice.Sent + (state == DeliveryState.Sent ? 1 : 0),
                        Failed = notice.Failed + (state == DeliveryState.Failed ? 1 : 0),
                    };
                    var reported = collections.QueueReportIfFinished(counted);
                    queuedReport = reported.ReportQueued != counted.ReportQueued;
                    collections.Notices.Update(reported);
                }
                return 0;
            });
        }
        if (queuedReport)
        {
            collections.Signal.Notify();
        }
    }
}
