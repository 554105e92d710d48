using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using WireMock.ResponseBuilders;

namespace OneStopBot.Bot.Tests.Zalo;

/// <summary>Zalo turns run from the inbox: stored before the webhook answers, done once their replies are in the outbox.</summary>
public sealed class ZaloInboxTests
{
    [Fact]
    public async Task An_event_is_stored_before_the_answer_and_done_with_its_reply_sent_after_its_turn()
    {
        await using var host = new ZaloTestHost();
        var user = host.NewUser();
        var inbox = host.Services.GetRequiredService<IInbox>();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", $"chờ {user}"));

        // The turn is held open: the event is in the inbox, pending, and nothing is sent yet.
        var stored = inbox.Find(ZaloAdapter.ChannelId, $"{user}-1");
        Assert.NotNull(stored);
        Assert.Equal(InboxState.Pending, stored.State);
        Assert.Equal(user, stored.Sender);
        host.Probe.Gate(user).SetResult();
        await host.Api.WaitForCountAsync(user, 1);
        await WaitAsync(() => host.Services.GetRequiredService<ZaloInboxWorker>().Pending == 0);

        Assert.Equal(InboxState.Done, inbox.Get(stored.Id)!.State);
        var reply = Assert.Single(Deliveries(host), d => d.To.UserId == user);
        Assert.Equal((DeliveryKind.TurnReply, DeliveryState.Sent, $"Đã nhận: chờ {user}"), (reply.Kind, reply.State, reply.Text));
        Assert.Equal([$"Đã nhận: chờ {user}"], host.Api.SentTo(user).Select(m => m.Text));
    }

    [Fact]
    public async Task A_reply_Zalo_does_not_take_at_once_is_sent_by_the_outbox_when_its_hold_ends()
    {
        await using var host = new ZaloTestHost(settings => settings["Zalo:Inbox:ReplyHold"] = "00:00:01");
        var user = host.NewUser();
        host.Api.FailFirstSend(user, Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -227, message = "User is blocked" }));

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "xin chào"));

        var sent = await host.Api.WaitForCountAsync(user, 2);
        Assert.Equal(["Đã nhận: xin chào", "Đã nhận: xin chào"], sent.Select(m => m.Text));
        await WaitAsync(() => Deliveries(host).Single(d => d.To.UserId == user).State == DeliveryState.Sent);
        Assert.Equal(2, host.Api.SentTo(user).Count);
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_parked_after_the_bound_and_the_users_next_event_runs_after_it()
    {
        await using var host = new ZaloTestHost(
            settings =>
            {
                settings["Zalo:Inbox:MaxAttempts"] = "3";
                settings["Zalo:Inbox:RetryDelay"] = "00:00:00";
            },
            services: services => services.AddSingleton<IInbox>(sp => new InboxThatCannotFinish(sp.GetRequiredService<Inbox>(), "poison")));
        var user = host.NewUser();
        var inbox = host.Services.GetRequiredService<IInbox>();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, "poison", "câu 1"));
        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", "câu 2"));

        var sent = await host.Api.WaitForCountAsync(user, 1);
        Assert.Equal(["Đã nhận: câu 2"], sent.Select(m => m.Text));
        var parked = inbox.Find(ZaloAdapter.ChannelId, "poison")!;
        Assert.Equal(InboxState.Parked, parked.State);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("disk full", parked.LastError, StringComparison.Ordinal);
        // Kept as it came, for staff to look at; the turn ran once per attempt, and the next event only after.
        Assert.Contains("câu 1", parked.Body, StringComparison.Ordinal);
        Assert.Equal(["câu 1", "câu 1", "câu 1", "câu 2"], host.Probe.ReceivedFrom(user).Select(a => a.Text));
    }

    [Fact]
    public async Task An_event_whose_runs_the_host_never_survived_is_parked_without_running_again()
    {
        await using var host = new ZaloTestHost(settings => settings["Zalo:Inbox:MaxAttempts"] = "2");
        var user = host.NewUser();
        var inbox = host.Services.GetRequiredService<IInbox>();
        // As left by two runs that each ended with the process.
        var stored = inbox.Add(new IncomingEvent(ZaloAdapter.ChannelId, $"{user}-1", user, ZaloEvents.Text(user, $"{user}-1", "câu 1")))!;
        inbox.Begin(stored.Id);
        inbox.Begin(stored.Id);

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", "câu 2"));

        await host.Api.WaitForCountAsync(user, 1);
        var parked = inbox.Get(stored.Id)!;
        Assert.Equal((InboxState.Parked, 3), (parked.State, parked.Attempts));
        Assert.Equal(["câu 2"], host.Probe.ReceivedFrom(user).Select(a => a.Text));
        Assert.Equal(["Đã nhận: câu 2"], host.Api.SentTo(user).Select(m => m.Text));
    }

    [Fact]
    public async Task Handled_events_are_removed_after_the_redelivery_window()
    {
        await using var host = new ZaloTestHost(settings =>
        {
            // Short windows, yet long enough that a loaded machine's first request still finds the event fresh.
            settings["Zalo:MaxEventAge"] = "00:00:03";
            settings["Zalo:MaxClockSkew"] = "00:00:00";
            settings["Zalo:RedeliveryWindow"] = "00:00:04";
            settings["Zalo:Inbox:PollInterval"] = "00:00:00.200";
        });
        var user = host.NewUser();
        var inbox = host.Services.GetRequiredService<IInbox>();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "xin chào"));
        await host.Api.WaitForCountAsync(user, 1);
        Assert.NotNull(inbox.Find(ZaloAdapter.ChannelId, $"{user}-1"));

        await WaitAsync(() => inbox.Find(ZaloAdapter.ChannelId, $"{user}-1") is null);
    }

    private static List<Delivery> Deliveries(ZaloTestHost host) =>
        [.. host.Services.GetRequiredService<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).FindAll()];

    private static async Task WaitAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(FakeZaloApi.Patience);
        while (!done())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The inbox, except that the event with one message id can never be marked done, as on a failing disk.</summary>
    private sealed class InboxThatCannotFinish(Inbox inner, string messageId) : IInbox
    {
        public InboxEvent? Add(IncomingEvent incoming) => inner.Add(incoming);

        public InboxEvent? Get(long id) => inner.Get(id);

        public InboxEvent? Find(string channel, string id) => inner.Find(channel, id);

        public IReadOnlyList<InboxEvent> Pending(string channel, int limit) => inner.Pending(channel, limit);

        public int CountPending(string channel) => inner.CountPending(channel);

        public InboxEvent? Begin(long id) => inner.Begin(id);

        public IReadOnlyList<Delivery> Complete(long id, IReadOnlyList<OutboxMessage> replies) =>
            inner.Get(id)?.MessageId == messageId ? throw new IOException("disk full") : inner.Complete(id, replies);

        public void Reschedule(long id, DateTimeOffset dueAt, string reason) => inner.Reschedule(id, dueAt, reason);

        public void Park(long id, string reason) => inner.Park(id, reason);

        public int RemoveDone(DateTimeOffset finishedBefore) => inner.RemoveDone(finishedBefore);
    }
}
