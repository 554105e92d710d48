using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Reminders;
using OneStopBot.Bot.Tests.Notices;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Bot.Tests.Reminders;

/// <summary>
/// A reminder kept in the database file is sent once by whichever host runs when it falls due: a new host on the same
/// file sends what the stopped one planned, and nothing again that was already queued.
/// </summary>
public sealed class ReminderRestartTests : IDisposable
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, Vietnam));
    private readonly RecordingChannel channel = new("fake");

    public void Dispose() => directory.Dispose();

    private OutboxTestHost Host() => new(directory.DatabasePath, time, channels: channel);

    private void Plan()
    {
        using var host = Host();
        var khaiSinh = host.Get<ProcedureCatalog>().Find("khai-sinh")!;
        var (remindOn, isNew) = host.Get<ReminderPlanner>().ScheduleDeadline(OutboxTestHost.Chat("u1"), khaiSinh, new DateOnly(2026, 10, 2));
        Assert.Equal(new DateOnly(2026, 11, 28), remindOn);
        Assert.True(isNew);
        Assert.Equal((0, 0), host.Get<ReminderWorker>().RunOnce());
    }

    [Fact]
    public async Task A_reminder_planned_before_a_restart_is_sent_once_by_the_next_host()
    {
        Plan();
        time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 7, 0, 0, Vietnam));

        using (var host = Host())
        {
            Assert.Equal((0, 1), host.Get<ReminderWorker>().RunOnce());
            await host.Worker.DrainAsync(CancellationToken.None);
        }
        using (var again = Host())
        {
            Assert.Equal((0, 0), again.Get<ReminderWorker>().RunOnce());
            await again.Worker.DrainAsync(CancellationToken.None);
        }

        var (userId, activity) = Assert.Single(channel.Sent);
        Assert.Equal("u1", userId);
        Assert.Contains("Hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026.", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_queued_but_not_sent_when_the_host_stopped_is_sent_once_after_the_restart()
    {
        Plan();
        time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 7, 0, 0, Vietnam));
        using (var host = Host())
        {
            Assert.Equal((0, 1), host.Get<ReminderWorker>().RunOnce());
        }
        using (var restarted = Host())
        {
            Assert.Equal((0, 0), restarted.Get<ReminderWorker>().RunOnce());
            await restarted.Worker.DrainAsync(CancellationToken.None);
        }
        Assert.Single(channel.Sent);
    }
}
