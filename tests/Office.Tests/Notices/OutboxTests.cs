using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>What every storage engine's outbox and notices must do; <see cref="LiteDbOutboxTests"/> runs it on LiteDB.</summary>
public abstract class OutboxContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private IOutbox Outbox => Get<IOutbox>();
    private INoticeStore Notices => Get<INoticeStore>();
    private ISubscriptionStore Subscriptions => Get<ISubscriptionStore>();

    [Fact]
    public void An_enqueued_message_is_due_at_once_and_keeps_its_address_and_buttons()
    {
        var chat = NoticeTestHost.Chat("u1", "zalo");
        var queued = Outbox.Enqueue(new OutboxMessage(DeliveryKind.RatingRequest, chat, "Anh/chị hài lòng không?", ["Hài lòng", "Không hài lòng"]));

        var due = Assert.Single(Outbox.Due(Time.GetUtcNow(), limit: 10));
        Assert.Equal(queued.Id, due.Id);
        Assert.Equal(DeliveryKind.RatingRequest, due.Kind);
        Assert.Equal("zalo", due.To.ChannelId);
        Assert.Equal(chat, due.To);
        Assert.Equal(["Hài lòng", "Không hài lòng"], due.Actions);
        Assert.Equal(DeliveryState.Pending, due.State);
        Assert.Equal(Time.GetUtcNow(), Outbox.NextDueAt());
    }

    [Fact]
    public void A_sent_row_is_never_due_again_and_marking_it_twice_changes_nothing()
    {
        var queued = Outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, NoticeTestHost.Chat("u1"), "Hồ sơ đã có kết quả."));
        Time.Advance(TimeSpan.FromSeconds(3));

        Outbox.MarkSent(queued.Id);
        Outbox.MarkFailed(queued.Id, "late");

        var row = Outbox.Get(queued.Id)!;
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal(Time.GetUtcNow(), row.SentAt);
        Assert.Empty(Outbox.Due(Time.GetUtcNow(), limit: 10));
        Assert.Null(Outbox.NextDueAt());
    }

    [Fact]
    public void A_rescheduled_row_waits_until_its_time_and_counts_the_attempt()
    {
        var queued = Outbox.Enqueue(new OutboxMessage(DeliveryKind.StaffReply, NoticeTestHost.Chat("u1"), "Trả lời"));
        var later = Time.GetUtcNow().AddMinutes(1);

        Outbox.Reschedule(queued.Id, later, "HTTP 503");

        Assert.Empty(Outbox.Due(Time.GetUtcNow(), limit: 10));
        Assert.Equal(later, Outbox.NextDueAt());
        var row = Assert.Single(Outbox.Due(later, limit: 10));
        Assert.Equal(1, row.Attempts);
        Assert.Equal("HTTP 503", row.LastError);
    }

    [Fact]
    public void Due_rows_come_oldest_first_up_to_the_limit()
    {
        var first = Outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, NoticeTestHost.Chat("u1"), "1"));
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = Outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, NoticeTestHost.Chat("u2"), "2"));
        Time.Advance(TimeSpan.FromSeconds(1));
        Outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, NoticeTestHost.Chat("u3"), "3"));

        Assert.Equal([first.Id, second.Id], Outbox.Due(Time.GetUtcNow(), limit: 2).Select(d => d.Id));
    }

    [Fact]
    public void A_broadcast_fans_out_page_by_page_and_counts_every_outcome()
    {
        for (var i = 0; i < 5; i++)
        {
            Subscriptions.Subscribe(NoticeTestHost.Chat($"u{i}"), null);
        }
        var notice = Notices.Create("Họp thôn tối nay.", village: null, "api", reportTo: null);
        Assert.Equal(5, Notices.Progress(notice.Id)!.Pending);

        Assert.True(Notices.FanOutNextPage(notice.Id, pageSize: 2));
        Assert.Equal([notice.Id], Notices.AwaitingFanOut().Select(n => n.Id));
        Assert.True(Notices.FanOutNextPage(notice.Id, pageSize: 2));
        Assert.False(Notices.FanOutNextPage(notice.Id, pageSize: 2));
        Assert.Empty(Notices.AwaitingFanOut());

        var rows = Outbox.Due(Time.GetUtcNow(), limit: 100);
        Assert.Equal(5, rows.Count);
        Assert.Equal(5, rows.Select(r => r.To).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(notice.Id, r.NoticeId));
        Outbox.MarkSent(rows[0].Id);
        Outbox.MarkSent(rows[1].Id);
        Outbox.MarkFailed(rows[2].Id, "blocked");

        var progress = Notices.Progress(notice.Id)!;
        Assert.Equal((2, 2, 1), (progress.Sent, progress.Pending, progress.Failed));
    }

    [Fact]
    public void The_staff_chat_gets_one_report_when_the_last_delivery_finishes()
    {
        Subscriptions.Subscribe(NoticeTestHost.Chat("u1"), null);
        Subscriptions.Subscribe(NoticeTestHost.Chat("u2"), null);
        var staff = NoticeTestHost.Chat("staff-1");
        var notice = Notices.Create("Tiêm phòng ngày mai.", null, "Chị Hoa", staff);
        Notices.FanOutNextPage(notice.Id, pageSize: 10);
        var rows = Outbox.Due(Time.GetUtcNow(), limit: 10);

        Outbox.MarkSent(rows[0].Id);
        Assert.DoesNotContain(Outbox.Due(Time.GetUtcNow(), 10), d => d.Kind == DeliveryKind.DeliveryReport);
        Outbox.MarkFailed(rows[1].Id, "blocked");
        Outbox.MarkFailed(rows[1].Id, "blocked");

        var report = Assert.Single(Outbox.Due(Time.GetUtcNow(), 10));
        Assert.Equal(DeliveryKind.DeliveryReport, report.Kind);
        Assert.Equal(staff, report.To);
        Assert.Equal(Get<INoticeTexts>().DeliveryReport(notice.Id, sent: 1, failed: 1), report.Text);
        Assert.True(Notices.Get(notice.Id)!.ReportQueued);
    }

    [Fact]
    public void A_broadcast_with_no_audience_reports_at_once()
    {
        var notice = Notices.Create("Không ai nhận.", "Thôn 3", "Chị Hoa", NoticeTestHost.Chat("staff-1"));

        Assert.False(Notices.FanOutNextPage(notice.Id, pageSize: 10));

        var report = Assert.Single(Outbox.Due(Time.GetUtcNow(), 10));
        Assert.Equal(Get<INoticeTexts>().DeliveryReport(notice.Id, sent: 0, failed: 0), report.Text);
        var progress = Notices.Progress(notice.Id)!;
        Assert.Equal((0, 0, 0), (progress.Sent, progress.Pending, progress.Failed));
    }

    [Fact]
    public void Rows_marked_sent_together_are_counted_once_each()
    {
        for (var i = 0; i < 4; i++)
        {
            Subscriptions.Subscribe(NoticeTestHost.Chat($"u{i}"), null);
        }
        var notice = Notices.Create("Nhóm", null, "api", reportTo: null);
        Notices.FanOutNextPage(notice.Id, pageSize: 10);
        var ids = Outbox.Due(Time.GetUtcNow(), 10).Select(r => r.Id).ToList();

        Outbox.MarkSent(ids.Take(3).ToList());
        Outbox.MarkSent([ids[0], ids[3]]);

        var progress = Notices.Progress(notice.Id)!;
        Assert.Equal((4, 0, 0), (progress.Sent, progress.Pending, progress.Failed));
        Assert.All(ids, id => Assert.Equal(1, Outbox.Get(id)!.Attempts));
    }

    [Fact]
    public void Progress_of_an_unknown_notice_is_null() => Assert.Null(Notices.Progress(999));
}

public sealed class LiteDbOutboxTests : OutboxContract<LiteDbStores>;
