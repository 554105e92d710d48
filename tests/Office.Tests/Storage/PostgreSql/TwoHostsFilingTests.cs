using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Dossiers;

namespace OneStopBot.Office.Tests.Storage.PostgreSql;

/// <summary>
/// Two hosts behind one balancer file into the same PostgreSQL database at once: each with its own services and data
/// source, as two processes would. Numbers are taken in the database, so no two dossiers share a code, and the same
/// draft sent to both files once.
/// </summary>
public sealed class TwoHostsFilingTests : IDisposable
{
    private readonly PostgresOffice engine = new();
    private readonly TestOffice other;

    public TwoHostsFilingTests()
    {
        other = engine.OpenAnother();
        // Both hosts' clocks read the same time.
        other.Time.SetUtcNow(engine.Time.GetUtcNow());
    }

    private IDossierStore HostA => engine.Get<IDossierStore>();

    private IDossierStore HostB => other.Get<IDossierStore>();

    [Fact]
    public async Task Filings_on_two_hosts_at_once_never_share_a_code()
    {
        var start = new TaskCompletionSource();
        var filings = Enumerable.Range(0, 40)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                var host = i % 2 == 0 ? HostA : HostB;
                return (await host.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u" + i)))).Code;
            }))
            .ToList();

        start.SetResult();
        var codes = await Task.WhenAll(filings);

        Assert.Equal(
            Enumerable.Range(1, 40).Select(i => DossierCode.Format("000.32.30.H49", new DateOnly(2026, 11, 26), i)).Order(),
            codes.Order());
    }

    [Fact]
    public async Task The_same_draft_sent_to_both_hosts_at_once_files_once()
    {
        var start = new TaskCompletionSource();
        var filings = Enumerable.Range(0, 10)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                var host = i % 2 == 0 ? HostA : HostB;
                return (await host.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")))).Code;
            }))
            .ToList();

        start.SetResult();
        var codes = await Task.WhenAll(filings);

        Assert.Equal(["000.32.30.H49-261126-0001"], codes.Distinct());
        Assert.Single(await HostB.ListByOwnerAsync("webchat", "u1"));
        // The repeats took no number: the next filing is the second of the day.
        Assert.Equal("000.32.30.H49-261126-0002", (await HostA.ReceiveAsync(DossierStoreTests.Request(), "Chị Lan")).Code);
    }

    [Fact]
    public async Task A_status_change_lost_to_another_host_s_is_made_again_on_what_that_one_stored()
    {
        var filed = await HostA.ReceiveAsync(DossierStoreTests.Request(), "Chị Lan");

        await Task.WhenAll(
            Task.Run(() => HostA.ChangeStatusAsync(filed.Code, DossierStatus.InProgress, "Chị Lan", null)),
            Task.Run(() => HostB.ChangeStatusAsync(filed.Code, DossierStatus.SupplementRequested, "Anh Tú", "Thiếu giấy")));

        var stored = (await HostA.FindAsync(filed.Code))!;
        Assert.Equal(3, stored.History.Count);
        Assert.Equal(
            [DossierStatus.InProgress, DossierStatus.SupplementRequested],
            stored.History.Skip(1).Select(h => h.Status).Order());
        Assert.Equal(3, engine.Get<IStaffAuditLog>().ForTarget(filed.Code).Count);
    }

    public void Dispose()
    {
        other.Dispose();
        engine.Dispose();
        GC.SuppressFinalize(this);
    }
}
