using LiteDB;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Dossiers;

namespace OneStopBot.Office.Tests.Statistics;

/// <summary>The figures page's report: the statistics of the period, month by month, per procedure and per village.</summary>
public sealed class FiguresReportTests : IDisposable
{
    private readonly TestOffice office = new();

    [Fact]
    public async Task The_demo_year_2023_reproduces_the_office_s_report_in_every_view()
    {
        await office.Get<DemoData>().SeedAsync();

        var report = await office.Get<FiguresReports>().ComputeAsync(DemoData.PublishedFrom, DemoData.PublishedTo);

        Assert.Equal((227, 227, 213), (report.Period.Received, report.Period.Resolved, report.Period.Online));
        Assert.Equal(12, report.Months.Count);
        Assert.Equal((227, 227, 213), (report.Months.Sum(m => m.Figures.Received), report.Months.Sum(m => m.Figures.Resolved), report.Months.Sum(m => m.Figures.Online)));
        Assert.Equal((227, 213, 227), (report.ByProcedure.Sum(g => g.Received), report.ByProcedure.Sum(g => g.Online), report.ByProcedure.Sum(g => g.ResolvedOnTime)));
        Assert.Equal((227, 227), (report.ByVillage.Sum(g => g.Received), report.ByVillage.Sum(g => g.Resolved)));
        Assert.True(report.ByProcedure.Count >= 10);
        Assert.Equal(report.ByProcedure.OrderByDescending(g => g.Received).Select(g => g.Received), report.ByProcedure.Select(g => g.Received));
        // Nothing was synchronised with the province in the demo: every result is still to be.
        Assert.Equal((0, 227), (report.Synchronised.Synchronised, report.Synchronised.Results));
    }

    [Fact]
    public async Task A_period_inside_months_clips_its_first_and_last_month()
    {
        await office.Get<DemoData>().SeedAsync();

        var report = await office.Get<FiguresReports>().ComputeAsync(new DateOnly(2023, 1, 15), new DateOnly(2023, 3, 10));

        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 1), new DateOnly(2023, 3, 1)], report.Months.Select(m => m.Month));
        Assert.Equal((new DateOnly(2023, 1, 15), new DateOnly(2023, 3, 10)), (report.Months[0].Figures.From, report.Months[^1].Figures.To));
        Assert.Equal(report.Period.Received, report.Months.Sum(m => m.Figures.Received));
    }

    [Fact]
    public async Task The_breakdown_follows_every_change_and_is_counted_again_the_same_after_a_rebuild()
    {
        var archive = office.Get<IDossierArchive>();
        var calendar = office.Get<WorkingCalendar>();
        var start = TestOffice.DefaultStart.AddDays(-40);
        string[] procedures = ["khai-sinh", "ket-hon", "thuong-tru"];
        for (var i = 0; i < 30; i++)
        {
            var request = DossierStoreTests.Request(phone: $"09123456{i:D2}") with
            {
                ProcedureId = procedures[i % 3],
                Village = $"Thôn {1 + i % 4}",
                Submission = i % 2 == 0 ? Submission.Online : Submission.InPerson,
            };
            var dossier = await archive.FileAtAsync(request, "Chị Lan", start.AddDays(i));
            if (i % 3 != 1)
            {
                await archive.ChangeStatusAtAsync(dossier.Code, DossierStatus.ResultReady, "Chị Lan", null, start.AddDays(i + 2));
            }
        }
        var from = calendar.LocalDate(start);
        var to = calendar.Today;
        var statistics = office.Get<OfficeStatistics>();

        var byProcedure = await statistics.ComputeByAsync(IDossierFigures.ByProcedure, from, to);
        var byVillage = await statistics.ComputeByAsync(IDossierFigures.ByVillage, from, to);

        Assert.Equal(Recount(d => d.ProcedureId, from, to), byProcedure.OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Equal(Recount(d => d.Village, from, to), byVillage.OrderBy(g => g.Key, StringComparer.Ordinal));

        var database = office.Get<OfficeDatabase>();
        database.Collection<BsonDocument>(DailyFigures.CollectionName).DeleteAll();
        database.Collection<BsonDocument>(DailyFigures.BreakdownCollectionName).DeleteAll();
        using var reopened = office.Reopen();

        Assert.Equal(byProcedure, (await reopened.Get<OfficeStatistics>().ComputeByAsync(IDossierFigures.ByProcedure, from, to)));
        Assert.Equal(byVillage, (await reopened.Get<OfficeStatistics>().ComputeByAsync(IDossierFigures.ByVillage, from, to)));
    }

    private List<GroupStatistics> Recount(Func<Dossier, string> key, DateOnly from, DateOnly to)
    {
        var calendar = office.Get<WorkingCalendar>();
        bool In(DateTimeOffset? at) => at is { } value && calendar.LocalDate(value) is var day && day >= from && day <= to;
        return office.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName).FindAll().ToList()
            .GroupBy(key)
            .Select(g => new GroupStatistics(
                g.Key,
                g.Count(d => In(d.ReceivedAt)),
                g.Count(d => In(d.ReceivedAt) && d.Submission == Submission.Online),
                g.Count(d => In(d.ResolvedAt)),
                g.Count(d => In(d.ResolvedAt) && (d.DueDate is not { } due || calendar.LocalDate(d.ResolvedAt!.Value) <= due))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    public void Dispose() => office.Dispose();
}
