using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.Notices;

public sealed class OutboxWorkerTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingChannel channel = new("fake");

    private OutboxTestHost NewHost(Dictionary<string, string?>? settings = null, RecordingChannel? with = null) =>
        new(directory.DatabasePath, time, settings, with ?? channel);

    [Fact]
    public async Task A_broadcast_reaches_each_subscriber_once_with_its_buttons_and_is_counted()
    {
        using var host = NewHost();
        host.Subscribe(3);
        host.Subscribe(2, village: "Thôn 3", prefix: "palai");
        var notice = (host.Get<NoticeService>().Broadcast("Họp dân lúc 8 giờ.", "Thôn 2", "api")).Value!;

        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal(3, channel.Sent.Count);
        Assert.Equal(3, channel.Sent.Select(s => s.UserId).Distinct().Count());
        Assert.All(channel.Sent, s =>
        {
            Assert.Equal("Họp dân lúc 8 giờ.", s.Activity.Text);
            Assert.Equal(["Không nhận nữa", "Trang chủ"], s.Activity.SuggestedActions.Actions.Select(a => a.Title));
        });
        var progress = host.Get<NoticeStore>().Progress(notice.Id)!;
        Assert.Equal((3, 0, 0), (progress.Sent, progress.Pending, progress.Failed));
    }

    [Fact]
    public async Task A_quick_retry_recovers_from_a_transient_failure()
    {
        using var host = NewHost(new() { ["Outbox:QuickRetries"] = "2", ["Outbox:QuickRetryDelay"] = "00:00:00" });
        channel.Failure = (_, attempt) => attempt == 1 ? new DeliveryFailedException("HTTP 503", isTransient: true) : null;
        var row = host.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, OutboxTestHost.Chat("u1"), "Hồ sơ đã có kết quả."));

        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal(2, channel.Calls);
        Assert.Single(channel.Sent);
        Assert.Equal(DeliveryState.Sent, host.Get<Outbox>().Get(row.Id)!.State);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_in_a_later_round_after_the_backoff()
    {
        using var host = NewHost();
        channel.Failure = (_, attempt) => attempt == 1 ? new DeliveryFailedException("rate limited (-32)", isTransient: true) : null;
        var outbox = host.Get<Outbox>();
        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, OutboxTestHost.Chat("u1"), "Hồ sơ đã có kết quả."));

        await host.Worker.DrainAsync(CancellationToken.None);
        var waiting = outbox.Get(row.Id)!;
        Assert.Equal((DeliveryState.Pending, 1, "rate limited (-32)"), (waiting.State, waiting.Attempts, waiting.LastError));
        Assert.Equal(time.GetUtcNow().AddSeconds(10), waiting.DueAt);

        time.Advance(TimeSpan.FromSeconds(9));
        await host.Worker.DrainAsync(CancellationToken.None);
        Assert.Equal(1, channel.Calls);

        time.Advance(TimeSpan.FromSeconds(1));
        await host.Worker.DrainAsync(CancellationToken.None);
        Assert.Equal(2, channel.Calls);
        Assert.Equal(DeliveryState.Sent, outbox.Get(row.Id)!.State);
    }

    [Fact]
    public async Task A_permanent_failure_is_marked_failed_with_its_reason_and_not_retried()
    {
        using var host = NewHost(new() { ["Outbox:QuickRetries"] = "3", ["Outbox:QuickRetryDelay"] = "00:00:00" });
        channel.Failure = (_, _) => new DeliveryFailedException("user blocked the account", isTransient: false);
        var outbox = host.Get<Outbox>();
        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, OutboxTestHost.Chat("u1"), "Hồ sơ đã có kết quả."));

        await host.Worker.DrainAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal(1, channel.Calls);
        var failed = outbox.Get(row.Id)!;
        Assert.Equal((DeliveryState.Failed, "user blocked the account"), (failed.State, failed.LastError));
    }

    [Fact]
    public async Task Transient_failures_end_in_failed_after_the_configured_attempts_with_doubling_waits()
    {
        using var host = NewHost(new() { ["Outbox:MaxAttempts"] = "3" });
        channel.Failure = (_, _) => new DeliveryFailedException("HTTP 502", isTransient: true);
        var outbox = host.Get<Outbox>();
        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StaffReply, OutboxTestHost.Chat("u1"), "Trả lời"));

        await host.Worker.DrainAsync(CancellationToken.None);
        Assert.Equal(time.GetUtcNow().AddSeconds(10), outbox.Get(row.Id)!.DueAt);
        time.Advance(TimeSpan.FromSeconds(10));
        await host.Worker.DrainAsync(CancellationToken.None);
        Assert.Equal(time.GetUtcNow().AddSeconds(20), outbox.Get(row.Id)!.DueAt);
        time.Advance(TimeSpan.FromSeconds(20));
        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal(3, channel.Calls);
        var failed = outbox.Get(row.Id)!;
        Assert.Equal((DeliveryState.Failed, 3, "HTTP 502"), (failed.State, failed.Attempts, failed.LastError));
        Assert.Null(outbox.NextDueAt());
    }

    [Fact]
    public async Task An_address_without_a_conversation_fails_without_calling_a_channel()
    {
        using var host = NewHost();
        var outbox = host.Get<Outbox>();
        // What a record kept from an unreadable conversation reference becomes (see ChatAddressMigration).
        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, new ChatAddress("fake", "u1", string.Empty), "x"));

        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal(0, channel.Calls);
        Assert.Equal(DeliveryState.Failed, outbox.Get(row.Id)!.State);
    }

    /// <summary>A window far longer than the test, so that what the limit lets through does not depend on the machine's speed.</summary>
    [Fact]
    public async Task The_channel_rate_limit_holds_sends_past_the_window_and_leaves_them_pending()
    {
        var zalo = new RecordingChannel("zalo");
        using var host = new OutboxTestHost(directory.DatabasePath, time, new() { ["Outbox:RateLimits:zalo"] = "2", ["Outbox:RateLimitWindow"] = "01:00:00" }, zalo, channel);
        host.Subscribe(5, "zalo");
        host.Subscribe(3, "fake");
        host.Get<NoticeService>().Broadcast("Lịch tiêm phòng.", null, "api");
        using var stop = new CancellationTokenSource();

        var drain = host.Worker.DrainAsync(stop.Token);
        await zalo.WaitForSendsAsync(2);
        await channel.WaitForSendsAsync(3);
        Assert.False(drain.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);

        Assert.Equal(2, zalo.Sent.Count);
        Assert.Equal(3, channel.Sent.Count);
        Assert.Equal(3, host.Get<Outbox>().Due(time.GetUtcNow(), 100).Count);
    }

    [Fact]
    public async Task The_staff_member_who_broadcast_from_chat_gets_a_delivery_report()
    {
        using var host = NewHost();
        host.Subscribe(3);
        channel.Failure = (reference, _) =>
            reference.User.Id == "fake-u00001" ? new DeliveryFailedException("blocked", isTransient: false) : null;
        var staff = OutboxTestHost.Chat("staff-1");

        host.Get<NoticeService>().Broadcast("Mất điện chiều nay.", null, "Chị Hoa", staff);
        await host.Worker.DrainAsync(CancellationToken.None);

        var report = Assert.Single(channel.Sent, s => s.UserId == "staff-1");
        Assert.Contains("Đã gửi 2, lỗi 1", report.Activity.Text);
        Assert.Equal(3, channel.Sent.Count);
    }

    [Fact]
    public async Task A_worker_stopped_mid_broadcast_and_started_again_reaches_everyone_exactly_once()
    {
        const int subscribers = 60;
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:FanOutPageSize"] = "7",
            ["Outbox:BatchSize"] = "20",
        };
        var first = new RecordingChannel("fake");
        using var stop = new CancellationTokenSource();
        first.AfterSend = sent =>
        {
            if (sent == 23)
            {
                stop.Cancel();
            }
        };
        int noticeId;
        using (var host = NewHost(settings, first))
        {
            host.Subscribe(subscribers);
            noticeId = (host.Get<NoticeService>().Broadcast("Thông báo họp.", null, "api")).Value!.Id;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Worker.DrainAsync(stop.Token));
        }

        var second = new RecordingChannel("fake");
        using (var host = NewHost(settings, second))
        {
            await host.Worker.DrainAsync(CancellationToken.None);
            var progress = host.Get<NoticeStore>().Progress(noticeId)!;
            Assert.Equal((subscribers, 0, 0), (progress.Sent, progress.Pending, progress.Failed));
        }

        Assert.InRange(first.Sent.Count, 23, subscribers - 1);
        var everyone = first.Sent.Concat(second.Sent).Select(s => s.UserId).ToList();
        Assert.Equal(subscribers, everyone.Count);
        Assert.Equal(subscribers, everyone.Distinct().Count());
    }

    [Fact]
    public async Task The_running_worker_wakes_up_when_a_message_is_enqueued()
    {
        using var host = NewHost();
        using var stop = new CancellationTokenSource();
        await host.Worker.StartAsync(stop.Token);

        host.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, OutboxTestHost.Chat("u1"), "Hồ sơ đã được tiếp nhận."));
        await channel.WaitForSendsAsync(1);
        host.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, OutboxTestHost.Chat("u2"), "Hồ sơ đã được tiếp nhận."));
        await channel.WaitForSendsAsync(2);

        await host.Worker.StopAsync(CancellationToken.None);
        Assert.Equal(["u1", "u2"], channel.Sent.Select(s => s.UserId));
    }

    public void Dispose() => directory.Dispose();
}
