using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Dossiers;

/// <summary>
/// The workspace's reads of dossiers: Today finds open dossiers due and coming pre-registrations through its index and
/// nothing closed; keyset pages give each dossier once; a search that matches little reads at most
/// <see cref="DossierSearch.MaxScanned"/> dossiers a page and goes on from there.
/// </summary>
public sealed class DossierSearchTests : IDisposable
{
    private readonly TestOffice office = new();

    private DossierSearch Search => office.Get<DossierSearch>();

    [Fact]
    public async Task Today_lists_open_dossiers_due_and_pre_registrations_coming_and_nothing_closed()
    {
        var store = office.Get<DossierDesk>();
        var due = await store.ReceiveAsync(Desk("Trần Văn A", 1), "api");
        var returned = await store.ReceiveAsync(Desk("Trần Văn B", 1), "api");
        await office.Get<DossierUpdates>().ChangeStatusAsync(returned.Code, DossierStatus.ResultReady, "api", null);
        await office.Get<DossierUpdates>().ChangeStatusAsync(returned.Code, DossierStatus.ResultReturned, "api", null);
        var soon = await store.PreRegisterAsync(Desk("Hồ Thị C", null) with { AppointmentDate = new DateOnly(2026, 11, 28), Owner = new ChatAddress("webchat", "dl_c", "c") });
        var later = await store.PreRegisterAsync(Desk("Hồ Thị D", null) with { AppointmentDate = new DateOnly(2026, 12, 15), Owner = new ChatAddress("webchat", "dl_d", "d") });
        office.Time.Advance(TimeSpan.FromDays(5));

        var today = Search.Today();

        Assert.Equal([due.Code], today.Due.Select(d => d.Code));
        Assert.Equal([soon.Code], today.PreRegistered.Select(d => d.Code));
        Assert.DoesNotContain(later.Code, today.PreRegistered.Select(d => d.Code));
    }

    [Fact]
    public async Task Keyset_pages_give_every_dossier_once_newest_first()
    {
        var store = office.Get<DossierDesk>();
        var filed = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            filed.Add((await store.ReceiveAsync(Desk("Người Thử", 3, "09120000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), "api")).Code);
        }

        var seen = new List<string>();
        int? before = null;
        do
        {
            var page = Search.Find(new DossierQuery(Before: before));
            seen.AddRange(page.Items.Select(d => d.Code));
            before = page.NextBefore;
        }
        while (before is not null);

        Assert.Equal(Enumerable.Reverse(filed), seen);
    }

    [Fact]
    public void A_search_that_matches_little_reads_a_bounded_number_of_dossiers_per_page_and_goes_on_from_there()
    {
        var dossiers = office.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName);
        var now = office.Time.GetUtcNow();
        // Stored as another system would, some without a phone: the phone-tail index must take them.
        var commune = office.Get<CommuneContext>().Current.Id;
        dossiers.InsertBulk(Enumerable.Range(1, DossierSearch.MaxScanned + 10).Select(i => new Dossier
        {
            Commune = commune,
            Code = "000.32.30.H49-261126-" + (i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" + i,
            ProcedureId = "khai-sinh",
            ApplicantName = i == 1 ? "Alăng Thị Hiếm" : "Nguyễn Văn Thường",
            Phone = i % 2 == 0 ? "" : "0912345678",
            Village = "Thôn 1",
            Status = DossierStatus.Received,
            CreatedAt = now,
        }));

        var first = Search.Find(new DossierQuery(Text: "alang thi hiem"));
        var second = Search.Find(new DossierQuery(Text: "alang thi hiem", Before: first.NextBefore));

        Assert.Empty(first.Items);
        Assert.Equal(DossierSearch.MaxScanned, first.Scanned);
        Assert.NotNull(first.NextBefore);
        Assert.Equal("Alăng Thị Hiếm", Assert.Single(second.Items).ApplicantName);
        Assert.Null(second.NextBefore);
        Assert.Equal(DossierSearch.PageSize, Search.Find(new DossierQuery(Text: "5678")).Items.Count);
    }

    public void Dispose() => office.Dispose();

    private static NewDossier Desk(string name, int? workingDays, string phone = "0987654321") =>
        new() { ProcedureId = "khai-sinh", ApplicantName = name, Phone = phone, Village = "Thôn 1", WorkingDays = workingDays, Submission = Submission.InPerson };
}
