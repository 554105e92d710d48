using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>Broadcast notices and their fan-out into the outbox.</summary>
public sealed class NoticeStore(NoticeCollections collections, ISubscriptionStore subscriptions) : INoticeStore
{
    public Notice Create(string text, string? village, string createdBy, ChatAddress? reportTo)
    {
        var notice = new Notice
        {
            Commune = collections.Communes.Current.Id,
            Text = text,
            Village = village,
            CreatedBy = createdBy,
            CreatedAt = collections.Time.GetUtcNow(),
            ReportTo = reportTo,
        };
        int id;
        lock (collections.WriteGate)
        {
            id = collections.Notices.Insert(notice).AsInt32;
        }
        collections.WakeWorkerAfterCommit();
        return notice with { Id = id };
    }

    public Notice? Get(int id) => collections.Notices.FindById(id).Own(collections.Communes.Current.Id);

    /// <summary>
    /// Notices of every commune whose audience has not been fully enqueued yet (new, or interrupted by a stop); the
    /// worker enters each one's commune to fan it out.
    /// </summary>
    public IReadOnlyList<Notice> AwaitingFanOut() =>
        collections.Notices.Find(n => !n.FannedOut).ToList();

    /// <summary>
    /// Enqueues the next page of a notice's audience and moves its cursor, in one transaction, so a stop between
    /// pages neither loses nor repeats a subscriber. Returns false once the whole audience is enqueued.
    /// </summary>
    public bool FanOutNextPage(int noticeId, int pageSize)
    {
        var notify = false;
        var more = false;
        lock (collections.WriteGate)
        {
            collections.Database.InTransaction(() =>
            {
                var notice = collections.Notices.FindById(noticeId).Own(collections.Communes.Current.Id);
                if (notice is null || notice.FannedOut)
                {
                    return 0;
                }
                var page = subscriptions.AudiencePage(notice.Village, notice.AudienceCursor, pageSize);
                collections.Deliveries.InsertBulk(page.Select(s => collections.NewDelivery(
                    notice.Commune, DeliveryKind.Broadcast, s.Chat, notice.Text, collections.Texts.BroadcastActions, notice.Id)));
                more = page.Count == pageSize;
                var advanced = notice with
                {
                    AudienceCursor = page.Count > 0 ? page[^1].Id : notice.AudienceCursor,
                    FannedOut = !more,
                    Pending = notice.Pending + page.Count,
                };
                var reported = collections.QueueReportIfFinished(advanced);
                collections.Notices.Update(reported);
                notify = page.Count > 0 || reported.ReportQueued != advanced.ReportQueued;
                return 0;
            });
        }
        if (notify)
        {
            collections.WakeWorkerAfterCommit();
        }
        return more;
    }

    public IReadOnlyList<Notice> Latest(int count) =>
        collections.Notices.In(collections.Communes.Current.Id).OrderByDescending(n => n.Id).Limit(count).ToList();

    /// <summary>Sent, pending and failed counts; pending includes subscribers not enqueued yet.</summary>
    public NoticeProgress? Progress(int id)
    {
        var notice = Get(id);
        if (notice is null)
        {
            return null;
        }
        var notYetEnqueued = notice.FannedOut ? 0 : subscriptions.CountAudience(notice.Village, after: notice.AudienceCursor);
        return new NoticeProgress(notice, notice.Sent, notice.Pending + notYetEnqueued, notice.Failed);
    }
}

/// <summary>Where a broadcast stands.</summary>
public sealed record NoticeProgress(Notice Notice, int Sent, int Pending, int Failed);
