using System.Collections;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Notices;
using OneStopBot.Office.Tests.Storage;

namespace OneStopBot.Office.Tests.Channels;

/// <summary>What every storage engine's inbox must do; <see cref="LiteDbInboxTests"/> runs it on LiteDB.</summary>
public abstract class InboxContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private IInbox Inbox => Get<IInbox>();
    private IOutbox Outbox => Get<IOutbox>();

    private static IncomingEvent Event(string messageId, string sender = "u1", string channel = "zalo") =>
        new(channel, messageId, sender, $"{{\"msg_id\":\"{messageId}\",\"text\":\"hỏi khai sinh\"}}");

    private static OutboxMessage Reply(string sender, string text) =>
        new(DeliveryKind.TurnReply, NoticeTestHost.Chat(sender, "zalo"), text);

    [Fact]
    public void A_new_event_is_pending_at_once_and_kept_as_it_came()
    {
        var added = Inbox.Add(Event("m1"));

        Assert.NotNull(added);
        var row = Inbox.Get(added.Id)!;
        Assert.Equal(InboxState.Pending, row.State);
        Assert.Equal(Time.GetUtcNow(), row.DueAt);
        Assert.Equal(Time.GetUtcNow(), row.ReceivedAt);
        Assert.Equal(Event("m1").Body, row.Body);
        Assert.Equal(("zalo", "m1", "u1"), (row.Channel, row.MessageId, row.Sender));
        Assert.Equal(added.Id, Inbox.Find("zalo", "m1")?.Id);
        Assert.Equal(1, Inbox.CountPending("zalo"));
    }

    [Fact]
    public void A_message_id_is_stored_once_per_channel_whatever_its_state()
    {
        var first = Inbox.Add(Event("m1"))!;

        Assert.Null(Inbox.Add(Event("m1", sender: "someone else")));
        Inbox.Complete(first.Id, []);
        Assert.Null(Inbox.Add(Event("m1")));
        // Another channel's ids are its own.
        Assert.NotNull(Inbox.Add(Event("m1", channel: "other")));

        Assert.Equal(0, Inbox.CountPending("zalo"));
        Assert.Equal(1, Inbox.CountPending("other"));
    }

    [Fact]
    public void Pending_events_come_in_arrival_order_and_only_the_channels_own()
    {
        Inbox.Add(Event("m1", "u1"));
        Inbox.Add(Event("x1", "u9", channel: "other"));
        Inbox.Add(Event("m2", "u2"));
        Inbox.Add(Event("m3", "u1"));

        Assert.Equal(["m1", "m2", "m3"], Inbox.Pending("zalo", limit: 10).Select(e => e.MessageId));
        Assert.Equal(["m1", "m2"], Inbox.Pending("zalo", limit: 2).Select(e => e.MessageId));
    }

    [Fact]
    public void Completing_puts_the_replies_in_the_outbox_and_marks_the_event_done_forgetting_its_words()
    {
        var added = Inbox.Add(Event("m1"))!;
        var heldUntil = Time.GetUtcNow().AddMinutes(1);
        Time.Advance(TimeSpan.FromSeconds(2));

        var queued = Inbox.Complete(added.Id, [Reply("u1", "Dạ, cần mang giấy chứng sinh.") with { DueAt = heldUntil }, Reply("u1", "Gõ 1 để chọn: Xem thêm") with { DueAt = heldUntil }]);

        Assert.Equal(["Dạ, cần mang giấy chứng sinh.", "Gõ 1 để chọn: Xem thêm"], queued.Select(d => d.Text));
        Assert.All(queued, d => Assert.Equal(DeliveryKind.TurnReply, Outbox.Get(d.Id)!.Kind));
        // Held for the turn to send itself until then; the outbox takes them after.
        Assert.Empty(Outbox.Due(Time.GetUtcNow(), limit: 10));
        Assert.Equal(queued.Select(d => d.Id), Outbox.Due(heldUntil, limit: 10).Select(d => d.Id));
        var row = Inbox.Get(added.Id)!;
        Assert.Equal(InboxState.Done, row.State);
        Assert.Null(row.DueAt);
        Assert.Equal(Time.GetUtcNow(), row.FinishedAt);
        Assert.Equal(string.Empty, row.Body);
        Assert.Empty(Inbox.Pending("zalo", limit: 10));
    }

    [Fact]
    public void Completing_an_event_that_is_not_pending_queues_nothing()
    {
        var done = Inbox.Add(Event("m1"))!;
        Inbox.Complete(done.Id, [Reply("u1", "một")]);
        var parked = Inbox.Add(Event("m2"))!;
        Inbox.Park(parked.Id, "broken");

        Assert.Empty(Inbox.Complete(done.Id, [Reply("u1", "hai")]));
        Assert.Empty(Inbox.Complete(parked.Id, [Reply("u1", "ba")]));
        Assert.Empty(Inbox.Complete(404, [Reply("u1", "bốn")]));

        Assert.Equal(["một"], Outbox.Due(Time.GetUtcNow(), limit: 10).Select(d => d.Text));
    }

    [Fact]
    public void A_completion_that_fails_half_way_leaves_no_reply_in_the_outbox_and_the_event_pending()
    {
        var added = Inbox.Add(Event("m1"))!;

        Assert.Throws<IOException>(() => Inbox.Complete(added.Id, new BrokenReplies(Reply("u1", "một"))));

        Assert.Empty(Outbox.Due(Time.GetUtcNow(), limit: 10));
        Assert.Equal(InboxState.Pending, Inbox.Get(added.Id)!.State);
        Assert.Equal(Event("m1").Body, Inbox.Get(added.Id)!.Body);
    }

    [Fact]
    public void Each_run_is_counted_as_it_begins_and_only_while_the_event_is_pending()
    {
        var added = Inbox.Add(Event("m1"))!;

        Assert.Equal(1, Inbox.Begin(added.Id)?.Attempts);
        Assert.Equal(2, Inbox.Begin(added.Id)?.Attempts);
        Assert.Equal(2, Inbox.Get(added.Id)!.Attempts);
        Inbox.Complete(added.Id, []);

        Assert.Null(Inbox.Begin(added.Id));
        Assert.Null(Inbox.Begin(404));
        Assert.Equal(2, Inbox.Get(added.Id)!.Attempts);
    }

    [Fact]
    public void A_failed_run_waits_until_its_time_and_a_parked_event_is_kept_but_never_pending()
    {
        var added = Inbox.Add(Event("m1"))!;
        var retryAt = Time.GetUtcNow().AddSeconds(10);
        Inbox.Begin(added.Id);

        Inbox.Reschedule(added.Id, retryAt, "database busy");
        var waiting = Inbox.Get(added.Id)!;
        Assert.Equal((InboxState.Pending, 1, retryAt, "database busy"), (waiting.State, waiting.Attempts, waiting.DueAt, waiting.LastError));
        Assert.Single(Inbox.Pending("zalo", limit: 10));

        Inbox.Begin(added.Id);
        Inbox.Park(added.Id, "still broken");
        Inbox.Reschedule(added.Id, retryAt, "too late");

        var parked = Inbox.Get(added.Id)!;
        Assert.Equal((InboxState.Parked, 2, (DateTimeOffset?)null, "still broken"), (parked.State, parked.Attempts, parked.DueAt, parked.LastError));
        Assert.Equal(Time.GetUtcNow(), parked.FinishedAt);
        Assert.Equal(Event("m1").Body, parked.Body);
        Assert.Empty(Inbox.Pending("zalo", limit: 10));
        Assert.Equal(0, Inbox.CountPending("zalo"));
    }

    [Fact]
    public void Only_events_done_before_the_cut_off_are_removed()
    {
        var old = Inbox.Add(Event("old"))!;
        Inbox.Complete(old.Id, []);
        var parked = Inbox.Add(Event("parked"))!;
        Inbox.Park(parked.Id, "broken");
        Time.Advance(TimeSpan.FromHours(2));
        var recent = Inbox.Add(Event("recent"))!;
        Inbox.Complete(recent.Id, []);
        var pending = Inbox.Add(Event("pending"))!;

        Assert.Equal(1, Inbox.RemoveDone(Time.GetUtcNow().AddHours(-1)));

        Assert.Null(Inbox.Get(old.Id));
        Assert.NotNull(Inbox.Get(parked.Id));
        Assert.NotNull(Inbox.Get(recent.Id));
        Assert.NotNull(Inbox.Get(pending.Id));
        Assert.Equal(0, Inbox.RemoveDone(Time.GetUtcNow().AddHours(-1)));
    }

    [Theory]
    [InlineData("", "m1", "u1")]
    [InlineData("zalo", " ", "u1")]
    [InlineData("zalo", "m1", "")]
    public void An_event_without_a_channel_an_id_or_a_sender_is_refused(string channel, string messageId, string sender) =>
        Assert.Throws<ArgumentException>(() => Inbox.Add(new IncomingEvent(channel, messageId, sender, "{}")));

    /// <summary>Replies whose second one cannot be read: the first is enqueued before the failure.</summary>
    private sealed class BrokenReplies(OutboxMessage first) : IReadOnlyList<OutboxMessage>
    {
        public int Count => 2;

        public OutboxMessage this[int index] => index == 0 ? first : throw new IOException("disk gone");

        public IEnumerator<OutboxMessage> GetEnumerator()
        {
            yield return first;
            throw new IOException("disk gone");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

public sealed class LiteDbInboxTests : InboxContract<LiteDbStores>;
