using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>
/// The notices and their deliveries, shared by <see cref="NoticeStore"/> and <see cref="Outbox"/>. A delivery's state
/// and its notice's counters change together under <see cref="WriteGate"/>, so no two writers interleave a
/// read-modify-write of the same notice.
/// </summary>
public sealed class NoticeCollections(OfficeDatabase database, OutboxSignal signal, INoticeTexts texts, CommuneContext communes, TimeProvider timeProvider)
{
    public const string NoticesName = "notices";
    public const string DeliveriesName = "deliveries";

    internal OfficeDatabase Database { get; } = database;

    internal ILiteCollection<Notice> Notices { get; } = database.Collection<Notice>(NoticesName);

    internal ILiteCollection<Delivery> Deliveries { get; } = database.Collection<Delivery>(DeliveriesName);

    internal OutboxSignal Signal { get; } = signal;

    internal TimeProvider Time { get; } = timeProvider;

    internal Lock WriteGate { get; } = new();

    internal CommuneContext Communes { get; } = communes;

    internal INoticeTexts Texts { get; } = texts;

    /// <summary>Wakes the outbox worker once the rows written now are committed, so that it finds them when it looks.</summary>
    internal void WakeWorkerAfterCommit() => Database.AfterCommit(Signal.Notify);

    /// <summary>A delivery of <paramref name="commune"/>: the current one's, or its notice's when a worker finishes a broadcast.</summary>
    internal Delivery NewDelivery(string commune, DeliveryKind kind, ChatAddress to, string text, IReadOnlyList<string>? actions, int? noticeId = null)
    {
        var now = Time.GetUtcNow();
        return new Delivery
        {
            Commune = commune,
            Kind = kind,
            NoticeId = noticeId,
            To = to,
            Text = text,
            Actions = actions is null ? [] : [.. actions],
            State = DeliveryState.Pending,
            DueAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>Queues the staff report of a finished broadcast, once. Call inside the write gate and a transaction.</summary>
    internal Notice QueueReportIfFinished(Notice notice)
    {
        if (!notice.IsFinished || notice.ReportTo is null || notice.ReportQueued)
        {
            return notice;
        }
        var text = Texts.DeliveryReport(notice.Id, notice.Sent, notice.Failed);
        Deliveries.Insert(NewDelivery(notice.Commune, DeliveryKind.DeliveryReport, notice.ReportTo, text, actions: null));
        return notice with { ReportQueued = true };
    }
}

/// <summary>Indexes of the notice collections, created when the database opens.</summary>
internal sealed class NoticeCollectionSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database)
    {
        database.Collection<Delivery>(NoticeCollections.DeliveriesName).EnsureIndex(d => d.DueAt);
        database.Collection<Subscription>(SubscriptionStore.CollectionName).EnsureIndex(s => s.Village);
        database.Collection<Rating>(RatingStore.CollectionName).EnsureIndex(RatingStore.CommuneDayIndex, RatingStore.CommuneDayExpression);
        // The index on the day alone, of the version before ratings had a commune: no query reads it any more.
        database.Collection<Rating>(RatingStore.CollectionName).DropIndex(nameof(Rating.Day));
        database.Collection<Rating>(RatingStore.CollectionName).EnsureIndex(r => r.DossierCode);
        database.Collection<Feedback>(FeedbackStore.CollectionName).EnsureIndex(f => f.GivenAt);
        database.Collection<HandoffMessage>(HandoffStore.MessagesCollectionName).EnsureIndex(m => m.HandoffId);
        database.Collection<Handoff>(HandoffStore.CollectionName).EnsureIndex(h => h.Resident.UserId);
        // Deliveries are drained for the whole province by due time; every other collection is read per commune.
        database.Collection<Notice>(NoticeCollections.NoticesName).EnsureCommuneIndex();
        database.Collection<Subscription>(SubscriptionStore.CollectionName).EnsureCommuneIndex();
        database.Collection<SubscriptionOffer>(SubscriptionStore.AskedCollectionName).EnsureCommuneIndex();
        database.Collection<Rating>(RatingStore.CollectionName).EnsureCommuneIndex();
        database.Collection<Feedback>(FeedbackStore.CollectionName).EnsureCommuneIndex();
        database.Collection<Handoff>(HandoffStore.CollectionName).EnsureCommuneIndex();
        database.Collection<HandoffMessage>(HandoffStore.MessagesCollectionName).EnsureCommuneIndex();
        database.Collection<StaffChat>(HandoffStore.StaffChatsCollectionName).EnsureCommuneIndex();
    }
}
