using OneStopBot.Office.Calendar;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Office.Tests.Demo;

public sealed class DemoDataTests : IDisposable
{
    private readonly TestOffice office = new();

    [Fact]
    public async Task A_month_of_varied_dossiers_is_seeded_with_codes_to_try()
    {
        var result = await office.Get<DemoData>().SeedAsync();
        var store = office.Get<DossierDesk>();

        Assert.InRange(result.Created, DemoData.PublishedReceived + 60, DemoData.PublishedReceived + 250);
        Assert.InRange(result.CodesToTry.Count, 3, 5);
        var samples = await Task.WhenAll(result.CodesToTry.Select(code => store.FindAsync(code[^11..])));
        Assert.All(samples, Assert.NotNull);
        Assert.Equal(samples.Length, samples.Select(d => d!.Status).Distinct().Count());

        var today = office.Get<WorkingCalendar>().Today;
        var month = await office.Get<OfficeStatistics>().ComputeAsync(today.AddDays(-DemoData.Days), today);
        Assert.InRange(month.OnlinePercent!.Value, 50m, 85m);
        Assert.InRange(month.OnTimePercent!.Value, 70m, 100m);
        Assert.True(month.InProgress > 0);
        Assert.True(month.Overdue > 0);
    }

    [Fact]
    public async Task The_published_period_is_recreated_and_its_online_share_computed_from_the_records()
    {
        await office.Get<DemoData>().SeedAsync();

        var year = await office.Get<OfficeStatistics>().ComputeAsync(DemoData.PublishedFrom, DemoData.PublishedTo);

        Assert.Equal((227, 227, 213, 0), (year.Received, year.Resolved, year.Online, year.InProgress));
        Assert.Equal(93.83m, year.OnlinePercent);
        Assert.Equal((227, 100m), (year.ResolvedOnTime, year.OnTimePercent));
        var procedures = office.Get<OneStopBot.Office.Storage.OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName)
            .FindAll().Where(d => d.ReceivedAt?.Year == 2023).Select(d => d.ProcedureId).Distinct().Count();
        Assert.True(procedures >= 10, $"only {procedures} procedures");
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_data()
    {
        using var other = new TestOffice();

        var first = await office.Get<DemoData>().SeedAsync(7);
        var second = await other.Get<DemoData>().SeedAsync(7);

        Assert.Equal(first.Created, second.Created);
        Assert.Equal(first.CodesToTry, second.CodesToTry);
        Assert.Equal(
            (await office.Get<DossierDesk>().FindAsync(first.CodesToTry[0]))!.ApplicantName,
            (await other.Get<DossierDesk>().FindAsync(second.CodesToTry[0]))!.ApplicantName);
    }

    [Fact]
    public async Task A_database_with_dossiers_is_not_seeded_again()
    {
        await office.Get<DemoData>().SeedAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => office.Get<DemoData>().SeedAsync());
    }

    public void Dispose() => office.Dispose();
}
