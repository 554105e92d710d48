using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Dossiers;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Tests.Storage.PostgreSql;

namespace OneStopBot.Office.Tests.Statistics;

/// <summary>What every storage engine's statistics must count; <see cref="OfficeStatisticsTests"/> runs it on LiteDB.</summary>
public abstract class OfficeStatisticsContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{

    /// <summary>
    /// Nine dossiers around November 2026, each chosen to count (or not) in one figure:
    /// A received 2/11 online, 3 days (due 5/11), ready 4/11: resolved on time.
    /// B received 3/11 in person, same day (due 3/11), ready 4/11: resolved late.
    /// C received 10/11 online, 7 days (due 19/11), still in progress: overdue.
    /// D received 20/11 online, 7 days (due 1/12), in progress: not overdue.
    /// E received 30/10 in person, 3 days (due 4/11), ready 3/11: resolved on time in November, received in October.
    /// F received 5/11 online, rejected the same day: neither resolved nor in progress.
    /// G pre-registered 24/11, never received: counts nowhere.
    /// H received 12/11 online, time limit unknown, ready 13/11: resolved, on time.
    /// I received 16/11 in person, 3 days (due 19/11), asked for papers 17/11: in progress, overdue.
    /// </summary>
    internal static async Task SeedAsync(IDossierArchive store)
    {
        Task<Dossier> Received(string at, Submission submission, int? days) =>
            store.FileAtAsync(DossierStoreTests.Request(workingDays: days) with { Submission = submission }, "Chị Lan", Local(at));
        Task<Dossier?> Change(Dossier dossier, DossierStatus status, string at) => store.ChangeStatusAtAsync(dossier.Code, status, "Chị Lan", null, Local(at));

        var a = await Received("2026-11-02 09:00", Submission.Online, 3);
        await Change(a, DossierStatus.ResultReady, "2026-11-04 10:00");
        await Change(a, DossierStatus.ResultReturned, "2026-11-06 10:00");
        var b = await Received("2026-11-03 10:00", Submission.InPerson, 0);
        await Change(b, DossierStatus.ResultReady, "2026-11-04 09:00");
        var c = await Received("2026-11-10 09:00", Submission.Online, 7);
        await Change(c, DossierStatus.InProgress, "2026-11-10 10:00");
        var d = await Received("2026-11-20 09:00", Submission.Online, 7);
        await Change(d, DossierStatus.InProgress, "2026-11-20 10:00");
        var e = await Received("2026-10-30 09:00", Submission.InPerson, 3);
        await Change(e, DossierStatus.ResultReady, "2026-11-03 14:00");
        var f = await Received("2026-11-05 09:00", Submission.Online, 0);
        await Change(f, DossierStatus.Rejected, "2026-11-05 11:00");
        await store.FileAtAsync(DossierStoreTests.Request(), null, Local("2026-11-24 20:00"));
        var h = await Received("2026-11-12 09:00", Submission.Online, null);
        await Change(h, DossierStatus.ResultReady, "2026-11-13 09:00");
        var i = await Received("2026-11-16 09:00", Submission.InPerson, 3);
        await Change(i, DossierStatus.SupplementRequested, "2026-11-17 09:00");
    }

    private static DateTimeOffset Local(string text) =>
        DateTimeOffset.Parse(text + " +07:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-02", 1, 0)]
    [InlineData("2026-11-03", 0, 0)]
    [InlineData("2026-11-08", 0, 0)]
    [InlineData("2026-11-09", 1, 1)]
    [InlineData("2026-11-25", 1, 1)]
    public async Task A_dossier_reopened_after_its_result_counts_as_open_again_from_that_day(string periodEnd, int inProgress, int overdue)
    {
        var store = Get<IDossierArchive>();
        // Received on Monday 2/11 with 3 working days (due 5/11), ready on 3/11, taken back into work on 9/11.
        var dossier = await store.FileAtAsync(DossierStoreTests.Request(workingDays: 3), "Chị Lan", Local("2026-11-02 09:00"));
        await store.ChangeStatusAtAsync(dossier.Code, DossierStatus.ResultReady, "Chị Lan", null, Local("2026-11-03 10:00"));
        await store.ChangeStatusAtAsync(dossier.Code, DossierStatus.InProgress, "Chị Lan", "Sai tên, làm lại.", Local("2026-11-09 08:00"));
        var end = DateOnly.Parse(periodEnd, System.Globalization.CultureInfo.InvariantCulture);

        var stats = await Get<OfficeStatistics>().ComputeAsync(end.AddDays(-1), end);

        Assert.Equal((inProgress, overdue), (stats.InProgress, stats.Overdue));
    }

    [Fact]
    public async Task November_figures_match_the_hand_count()
    {
        await SeedAsync(Get<IDossierArchive>());

        var stats = await Get<OfficeStatistics>().ComputeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Equal((7, 5, 4, 3, 3, 2), (stats.Received, stats.Online, stats.Resolved, stats.ResolvedOnTime, stats.InProgress, stats.Overdue));
        Assert.Equal(71.43m, stats.OnlinePercent);
        Assert.Equal(75m, stats.OnTimePercent);
        Assert.Null(stats.Satisfaction);
        Assert.Null(stats.SatisfactionPercent);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (stats.From, stats.To));
    }

    [Fact]
    public async Task A_past_period_is_counted_as_it_stood_at_its_end()
    {
        await SeedAsync(Get<IDossierArchive>());

        var stats = await Get<OfficeStatistics>().ComputeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10));

        // Received A, B, C, F; resolved A, B, E; at the end of 10/11 only C was in progress, not yet due.
        Assert.Equal((4, 3, 3, 2, 1, 0), (stats.Received, stats.Online, stats.Resolved, stats.ResolvedOnTime, stats.InProgress, stats.Overdue));
        Assert.Equal(66.67m, stats.OnTimePercent);
    }

    [Fact]
    public async Task An_empty_period_has_no_percentages()
    {
        var stats = await Get<OfficeStatistics>().ComputeAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        Assert.Equal((0, 0, 0), (stats.Received, stats.Resolved, stats.InProgress));
        Assert.Null(stats.OnlinePercent);
        Assert.Null(stats.OnTimePercent);
    }

    [Fact]
    public async Task Bad_periods_are_refused()
    {
        var statistics = Get<OfficeStatistics>();

        await Assert.ThrowsAsync<ArgumentException>(() => statistics.ComputeAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => statistics.ComputeAsync(new DateOnly(2000, 1, 1), new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public async Task Per_procedure_and_per_village_figures_count_the_same_dossiers_as_the_period()
    {
        await SeedAsync(Get<IDossierArchive>());
        var (from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        var byProcedure = await Get<OfficeStatistics>().ComputeByAsync(IDossierFigures.ByProcedure, from, to);
        var byVillage = await Get<OfficeStatistics>().ComputeByAsync(IDossierFigures.ByVillage, from, to);

        Assert.Equal([new GroupStatistics("khai-sinh", 7, 5, 4, 3)], byProcedure);
        Assert.Equal([new GroupStatistics("Thôn 2", 7, 5, 4, 3)], byVillage);
        Assert.Empty(await Get<OfficeStatistics>().ComputeByAsync(IDossierFigures.ByVillage, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));
    }
}

public sealed class OfficeStatisticsTests : OfficeStatisticsContract<LiteDbOffice>;

public sealed class PostgresOfficeStatisticsTests : OfficeStatisticsContract<PostgresOffice>;

/// <summary>The ratings beside the figures, and how percentages are written: the same whatever keeps the dossiers.</summary>
public sealed class SatisfactionFiguresTests
{
    [Fact]
    public async Task Satisfaction_shows_once_ratings_exist()
    {
        var ratings = new FixedRatings(41, 48);
        using var rated = new TestOffice(services: s => s.AddSingleton<ISatisfactionSource>(ratings));
        await OfficeStatisticsContract<LiteDbOffice>.SeedAsync(rated.Get<IDossierArchive>());

        var stats = await rated.Get<OfficeStatistics>().ComputeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Equal(new SatisfactionCount(41, 48), stats.Satisfaction);
        Assert.Equal(85.42m, stats.SatisfactionPercent);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), ratings.AskedFor);
    }

    [Fact]
    public async Task No_ratings_in_the_period_means_no_satisfaction_line()
    {
        using var rated = new TestOffice(services: s => s.AddSingleton<ISatisfactionSource>(new FixedRatings(0, 0)));

        var stats = await rated.Get<OfficeStatistics>().ComputeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Null(stats.Satisfaction);
        Assert.Null(stats.SatisfactionPercent);
    }

    [Theory]
    [InlineData(8623, 10000, "86,23%")]
    [InlineData(2, 3, "66,67%")]
    [InlineData(1, 2, "50%")]
    [InlineData(1, 1, "100%")]
    [InlineData(0, 7, "0%")]
    [InlineData(1, 8, "12,5%")]
    [InlineData(1, 0, null)]
    public void Percentages_are_written_the_vietnamese_way(int part, int whole, string? text)
    {
        Assert.Equal(text, VietnamesePercent.Format(part, whole));
    }

    private sealed class FixedRatings(int satisfied, int total) : ISatisfactionSource
    {
        public (DateOnly From, DateOnly To)? AskedFor { get; private set; }

        public (int satisfied, int total) Count(DateOnly from, DateOnly to)
        {
            AskedFor = (from, to);
            return (satisfied, total);
        }
    }
}
