using LiteDB;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Dossiers;

namespace OneStopBot.Office.Tests.Statistics;

/// <summary>
/// The statistics read daily figures and indexes instead of the archive; on random archives they must give the
/// figures of a plain recount over every dossier, for past, current and future periods, and after an upgrade.
/// </summary>
public sealed class StatisticsRecountTests
{
    private static readonly DateTimeOffset ArchiveStart = new(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Figures_equal_a_full_recount_on_a_random_archive(int seed)
    {
        using var office = new TestOffice(ArchiveStart);
        var random = new Random(seed);
        await FillRandomArchiveAsync(office, random, dossiers: 300);

        var statistics = office.Get<OfficeStatistics>();
        foreach (var (from, to) in Periods(office, random))
        {
            Assert.Equal(Recount(office, from, to), Figures(await statistics.ComputeAsync(from, to)));
        }
    }

    [Fact]
    public async Task A_database_written_before_the_figures_were_kept_is_counted_once_on_first_use()
    {
        using var office = new TestOffice(ArchiveStart);
        await FillRandomArchiveAsync(office, new Random(7), dossiers: 120);
        office.Get<OfficeDatabase>().Collection<BsonDocument>(DailyFigures.CollectionName).DeleteAll();

        using var reopened = office.Reopen();
        var today = reopened.Get<WorkingCalendar>().Today;
        var from = today.AddDays(-200);

        Assert.Equal(Recount(reopened, from, today), Figures(await reopened.Get<OfficeStatistics>().ComputeAsync(from, today)));
        // Writes after the rebuild keep adding to it.
        var store = reopened.Get<DossierDesk>();
        await store.ReceiveAsync(DossierStoreTests.Request(), "Chị Lan");
        Assert.Equal(Recount(reopened, from, today), Figures(await reopened.Get<OfficeStatistics>().ComputeAsync(from, today)));
    }

    [Fact]
    public async Task An_archive_of_an_earlier_version_loses_the_retired_indexes_and_its_figures_are_counted_again()
    {
        using var office = new TestOffice(ArchiveStart);
        await FillRandomArchiveAsync(office, new Random(11), dossiers: 120);
        // The earlier version kept the period sums only, under its own marker.
        var days = office.Get<OfficeDatabase>().Collection<BsonDocument>(DailyFigures.CollectionName);
        days.DeleteAll();
        days.Insert(new BsonDocument { ["_id"] = "built-v1" });
        var dossiers = office.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName);
        dossiers.EnsureIndex(d => d.Status);
        dossiers.EnsureIndex(d => d.ReceivedAt);
        dossiers.EnsureIndex("lastChange", "MAX($.History[*].At)");

        using var reopened = office.Reopen();
        var today = reopened.Get<WorkingCalendar>().Today;
        var from = today.AddDays(-60);

        Assert.Equal(Recount(reopened, from, today), Figures(await reopened.Get<OfficeStatistics>().ComputeAsync(from, today)));
        var indexed = reopened.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName);
        // DropIndex answers whether there was one to drop.
        Assert.Equal([false, false, false], new[] { "Status", "ReceivedAt", "lastChange" }.Select(indexed.DropIndex));
    }

    // Dossiers received over about a year and a half, each walked through the office's usual statuses at later
    // times; the clock ends after the last change.
    private static async Task FillRandomArchiveAsync(TestOffice office, Random random, int dossiers)
    {
        var store = office.Get<OneStopBot.Office.Storage.IDossierArchive>();
        var days = new int?[] { 0, 0, 1, 3, 7, null, 25 };
        var at = ArchiveStart;
        var walks = new List<(Dossier Dossier, DateTimeOffset At)>();
        for (var i = 0; i < dossiers; i++)
        {
            at = at.AddMinutes(random.Next(30, 60 * 48));
            office.Time.SetUtcNow(at);
            var request = DossierStoreTests.Request(workingDays: days[random.Next(days.Length)]) with
            {
                Submission = random.NextDouble() < 0.6 ? Submission.Online : Submission.InPerson,
            };
            var status = random.NextDouble() < 0.15 ? DossierStatus.PreRegistered : DossierStatus.Received;
            walks.Add(((await store.FileAtAsync(request, status == DossierStatus.PreRegistered ? null : "Chị Lan", at)), at));
        }

        foreach (var (dossier, filedAt) in walks)
        {
            var step = filedAt;
            foreach (var (status, note) in Walk(dossier.Status, random))
            {
                step = step.AddHours(random.Next(1, 24 * 12));
                office.Time.SetUtcNow(Later(office.Time.GetUtcNow(), step));
                await store.ChangeStatusAtAsync(dossier.Code, status, "Chị Lan", note, step);
            }
        }
        office.Time.SetUtcNow(Later(office.Time.GetUtcNow(), at).AddDays(3));
    }

    private static IEnumerable<(DossierStatus Status, string? Note)> Walk(DossierStatus start, Random random)
    {
        if (start == DossierStatus.PreRegistered)
        {
            if (random.NextDouble() < 0.3)
            {
                yield break;
            }
            yield return (DossierStatus.Received, null);
        }
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            yield return (DossierStatus.Withdrawn, "Người nộp xin rút.");
            yield break;
        }
        if (roll < 0.1)
        {
            yield return (DossierStatus.Rejected, "Không đủ điều kiện.");
            yield break;
        }
        if (roll < 0.25)
        {
            yield break;
        }
        yield return (DossierStatus.InProgress, null);
        if (random.NextDouble() < 0.2)
        {
            yield return (DossierStatus.SupplementRequested, "Thiếu bản sao căn cước.");
            yield return (DossierStatus.InProgress, null);
        }
        if (random.NextDouble() < 0.15)
        {
            yield break;
        }
        yield return (DossierStatus.ResultReady, null);
        if (random.NextDouble() < 0.7)
        {
            yield return (DossierStatus.ResultReturned, null);
        }
    }

    private static IEnumerable<(DateOnly From, DateOnly To)> Periods(TestOffice office, Random random)
    {
        var today = office.Get<WorkingCalendar>().Today;
        var first = DateOnly.FromDateTime(ArchiveStart.Date);
        yield return (first, today);
        yield return (new DateOnly(today.Year, today.Month, 1), today.AddDays(10));
        yield return (today, today);
        for (var i = 0; i < 25; i++)
        {
            var from = first.AddDays(random.Next(0, today.DayNumber - first.DayNumber + 20));
            yield return (from, from.AddDays(random.Next(0, 120)));
        }
    }

    // The figures as the period statistics define them, counted from every dossier in memory.
    private static (int, int, int, int, int, int) Recount(TestOffice office, DateOnly from, DateOnly to)
    {
        var calendar = office.Get<WorkingCalendar>();
        var all = office.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName).FindAll().ToList();
        var today = calendar.Today;
        var asOfDay = to < today ? to : today;
        var instant = calendar.StartOf(asOfDay.AddDays(1)).AddTicks(-1);
        bool InPeriod(DateTimeOffset? at) => at is { } value && calendar.LocalDate(value) is var day && day >= from && day <= to;

        var received = all.Where(d => InPeriod(d.ReceivedAt)).ToList();
        var resolved = all.Where(d => InPeriod(d.ResolvedAt)).ToList();
        // The status each dossier had then, read from its history.
        var open = all.Where(d => d.History.LastOrDefault(change => change.At <= instant) is { } last && last.Status.IsInProgress()).ToList();
        return (
            received.Count,
            received.Count(d => d.Submission == Submission.Online),
            resolved.Count,
            resolved.Count(d => d.DueDate is not { } due || calendar.LocalDate(d.ResolvedAt!.Value) <= due),
            open.Count,
            open.Count(d => d.DueDate is { } due && due < asOfDay));
    }

    private static (int, int, int, int, int, int) Figures(PeriodStatistics s) =>
        (s.Received, s.Online, s.Resolved, s.ResolvedOnTime, s.InProgress, s.Overdue);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
