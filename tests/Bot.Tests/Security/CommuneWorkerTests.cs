using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Reminders;
using OneStopBot.Bot.Tests.Notices;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// The background workers serve every commune of a deployment and act for each record's own commune: a broadcast
/// reaches its commune's subscribers only, and every commune's due reminders are sent, each row carrying its commune.
/// </summary>
public sealed class CommuneWorkerTests : IDisposable
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, Vietnam));
    private readonly RecordingChannel channel = new("fake");
    private readonly OutboxTestHost host;

    public CommuneWorkerTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Communes:0:Id"] = "phuoc-duc",
            ["Communes:0:AgencyCode"] = "000.32.30.H49",
            ["Communes:1:Id"] = "phuoc-nang",
            ["Communes:1:CommuneName"] = "xã Phước Năng",
            ["Communes:1:AgencyCode"] = "000.33.30.H49",
        };
        foreach (var handler in new[] { "communePolice", "communeMilitary" })
        {
            settings[$"Office:Handlers:{handler}:Name"] = "Cán bộ";
            settings[$"Office:Handlers:{handler}:Place"] = "UBND xã";
            settings[$"Office:Handlers:{handler}:Hours"] = "Sáng";
        }
        host = new OutboxTestHost(directory.DatabasePath, time, settings, channel);
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private T In<T>(string commune, Func<T> work)
    {
        using var scope = host.Get<CommuneContext>().Enter(commune);
        return work();
    }

    [Fact]
    public async Task A_broadcast_reaches_only_the_subscribers_of_its_commune()
    {
        In("phuoc-duc", () => host.Get<ISubscriptionStore>().Subscribe(OutboxTestHost.Chat("a-1"), null));
        In("phuoc-nang", () => host.Get<ISubscriptionStore>().Subscribe(OutboxTestHost.Chat("b-1"), null));
        In("phuoc-nang", () => host.Get<INoticeStore>().Create("Họp xã Phước Năng tối thứ Bảy", null, "Anh Tú", reportTo: null));

        await host.Worker.DrainAsync(CancellationToken.None);

        var (userId, activity) = Assert.Single(channel.Sent);
        Assert.Equal(("b-1", "Họp xã Phước Năng tối thứ Bảy"), (userId, activity.Text));
    }

    [Fact]
    public async Task Every_commune_s_due_reminders_are_sent_by_one_round_each_in_its_commune()
    {
        var khaiSinh = host.Get<ProcedureCatalog>().Find("khai-sinh")!;
        In("phuoc-duc", () => host.Get<ReminderPlanner>().ScheduleDeadline(OutboxTestHost.Chat("a-1"), khaiSinh, new DateOnly(2026, 10, 2)));
        In("phuoc-nang", () => host.Get<ReminderPlanner>().ScheduleDeadline(OutboxTestHost.Chat("b-1"), khaiSinh, new DateOnly(2026, 10, 2)));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 7, 0, 0, Vietnam));

        Assert.Equal((0, 2), host.Get<ReminderWorker>().RunOnce());
        var rows = host.Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).FindAll().ToList();
        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal([("a-1", "phuoc-duc"), ("b-1", "phuoc-nang")], rows.Select(r => (r.To.UserId, r.Commune)).Order());
        Assert.Equal(["a-1", "b-1"], channel.Sent.Select(s => s.UserId).Order());
    }
}
