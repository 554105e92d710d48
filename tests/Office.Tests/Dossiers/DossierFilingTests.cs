using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

/// <summary>One intent to file, one dossier: repeats, races and restarts give back the code already filed.</summary>
public sealed class DossierFilingTests : IDisposable
{
    private TestOffice office = new();

    private DossierDesk Store => office.Get<DossierDesk>();

    [Fact]
    public async Task The_same_draft_from_the_same_chat_returns_the_dossier_already_filed()
    {
        var first = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")));
        // Typed differently, the same draft once normalised.
        var again = await Store.PreRegisterAsync(DossierStoreTests.Request(phone: "0912 345 621", owner: DossierStoreTests.Owner("u1")));

        Assert.Equal(first.Code, again.Code);
        Assert.Single(await Store.ListByOwnerAsync("webchat", "u1"));
    }

    [Fact]
    public async Task Another_chat_another_draft_or_another_day_files_a_new_dossier()
    {
        var first = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")));
        var otherChat = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u2")));
        var otherDraft = await Store.PreRegisterAsync(DossierStoreTests.Request(phone: "0987654321", owner: DossierStoreTests.Owner("u1")));
        office.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")));

        Assert.Equal(4, new[] { first.Code, otherChat.Code, otherDraft.Code, nextDay.Code }.Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_filings_of_one_draft_make_one_dossier()
    {
        var codes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            (await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")))).Code)));

        Assert.Single(codes.Distinct());
        Assert.Single(await Store.ListByOwnerAsync("webchat", "u1"));
    }

    [Fact]
    public async Task A_retry_after_a_restart_returns_the_same_code()
    {
        var first = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")));
        office = office.Reopen();

        Assert.Equal(first.Code, (await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")))).Code);
        Assert.Single(await Store.ListByOwnerAsync("webchat", "u1"));
    }

    [Fact]
    public async Task Staff_filing_at_the_desk_is_never_merged()
    {
        var first = await Store.ReceiveAsync(DossierStoreTests.Request(), "cán bộ");
        var second = await Store.ReceiveAsync(DossierStoreTests.Request(), "cán bộ");

        Assert.NotEqual(first.Code, second.Code);
    }

    public void Dispose() => office.Dispose();
}
