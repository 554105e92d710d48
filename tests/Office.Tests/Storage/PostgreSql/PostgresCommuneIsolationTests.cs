using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Storage.PostgreSql;
using OneStopBot.Office.Tests.Dossiers;
using OneStopBot.Office.Tests.Security;

namespace OneStopBot.Office.Tests.Storage.PostgreSql;

/// <summary>
/// <see cref="CommuneIsolationTests"/>' dossier cases on the PostgreSQL engine, where every commune's rows share the
/// same tables: one commune's dossiers, numbers, audit and figures are invisible to the other, which cannot change them
/// either, and a store used with no commune entered throws.
/// </summary>
public sealed class PostgresCommuneIsolationTests : IDisposable
{
    private const string A = "phuoc-duc";
    private const string B = "phuoc-nang";

    private static readonly ChatAddress Resident = DossierStoreTests.Owner("dan-1");

    private readonly PostgresTestDatabase database = new();
    private readonly TestOffice host;

    public PostgresCommuneIsolationTests() =>
        host = new TestOffice(settings: CommuneIsolationTests.TwoCommunes(), services: services =>
        {
            services.AddSingleton(database.Database);
            services.AddPostgresDossiers();
        });

    private IDossierStore Store => host.Get<IDossierStore>();

    [Fact]
    public async Task A_dossier_of_one_commune_is_found_by_no_lookup_of_the_other_nor_changed_by_it()
    {
        var dossier = await host.InAsync(A, () => Store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));

        Assert.Equal(A, dossier.Commune);
        Assert.Equal(dossier.Code, (await host.InAsync(A, () => Store.FindAsync(dossier.Code)))?.Code);
        await host.InAsync(B, async () =>
        {
            Assert.Null(await Store.FindAsync(dossier.Code));
            Assert.Empty(await Store.ListByOwnerAsync(Resident.ChannelId, Resident.UserId));
            Assert.True(await host.Get<IDossierArchive>().IsEmptyAsync());
            Assert.Null(await Store.ChangeStatusAsync(dossier.Code, DossierStatus.Rejected, "Kẻ gian", "thử"));
            Assert.Empty(host.Get<IStaffAuditLog>().ForTarget(dossier.Code));
        });
        Assert.Equal(DossierStatus.PreRegistered, (await host.InAsync(A, () => Store.FindAsync(dossier.Code)))!.Status);
    }

    [Fact]
    public async Task Each_commune_numbers_its_own_dossiers_and_the_same_draft_in_both_files_twice()
    {
        var inA = await host.InAsync(A, () => Store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));
        var inB = await host.InAsync(B, () => Store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));

        Assert.Equal(("000.32.30.H49-261126-0001", "000.33.30.H49-261126-0001"), (inA.Code, inB.Code));
        Assert.Equal([inB.Code], (await host.InAsync(B, () => Store.ListByOwnerAsync(Resident.ChannelId, Resident.UserId))).Select(d => d.Code));
    }

    [Fact]
    public async Task A_commune_s_statistics_count_its_own_dossiers_only()
    {
        var today = host.Get<WorkingCalendar>().Today;
        await host.InAsync(A, async () =>
        {
            await Store.ReceiveAsync(DossierStoreTests.Request() with { Submission = Submission.Online }, "Chị Lan");
            await Store.ReceiveAsync(DossierStoreTests.Request() with { Submission = Submission.InPerson }, "Chị Lan");
        });
        await host.InAsync(B, () => Store.ReceiveAsync(DossierStoreTests.Request() with { Submission = Submission.InPerson }, "Anh Tú"));
        var statistics = host.Get<OfficeStatistics>();

        var each = await statistics.ComputeEachAsync(today, today);

        Assert.Equal([(A, 2, 1, 2), (B, 1, 0, 1)], each.Select(c => (c.Commune.Id, c.Figures.Received, c.Figures.Online, c.Figures.InProgress)));
        Assert.Equal([1], (await host.InAsync(B, () => statistics.ComputeByAsync(IDossierFigures.ByVillage, today, today))).Select(g => g.Received));
    }

    [Fact]
    public async Task With_no_commune_entered_the_stores_throw_instead_of_reading_everyone_s()
    {
        var today = host.Get<WorkingCalendar>().Today;
        await host.InAsync(A, () => Store.ReceiveAsync(DossierStoreTests.Request(), "Chị Lan"));

        await Assert.ThrowsAsync<NoCommuneException>(() => Store.FindAsync("000.32.30.H49-261126-0001"));
        await Assert.ThrowsAsync<NoCommuneException>(() => Store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));
        await Assert.ThrowsAsync<NoCommuneException>(() => host.Get<OfficeStatistics>().ComputeAsync(today, today));
        Assert.Throws<NoCommuneException>(() => host.Get<IStaffAuditLog>().Recent(10));
    }

    public void Dispose()
    {
        host.Dispose();
        database.Dispose();
    }
}
