using System.Globalization;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Demo;

/// <summary>What seeding created, with a few codes a new user can look up at once.</summary>
public sealed record DemoSeedResult(int Created, IReadOnlyList<string> CodesToTry);

/// <summary>
/// A realistic month of dossiers for demonstrations and training: varied procedures, villages and statuses, mostly
/// online, a few late or needing more papers. Deterministic for a given seed and clock.
/// </summary>
public sealed class DemoData(IDossierArchive archive, WorkingCalendar calendar, CommuneContext communes, TimeProvider time)
{
    public const string DemoStaff = "Cán bộ một cửa (dữ liệu mẫu)";
    public const int Days = 30;

    /// <summary>
    /// The period of the office's published report (2023): its received, resolved and online (levels 3–4) counts are
    /// recreated as records, so the statistics computed from them can be compared with the report.
    /// </summary>
    public static readonly DateOnly PublishedFrom = new(2023, 1, 1);

    /// <inheritdoc cref="PublishedFrom"/>
    public static readonly DateOnly PublishedTo = new(2023, 12, 31);

    public const int PublishedReceived = 227;
    public const int PublishedOnline = 213;

    // Received up to here, so that even a 25-working-day procedure is resolved inside the published period.
    private static readonly DateOnly PublishedLastReceived = new(2023, 10, 31);

    // Procedure ids of the catalogue with their time limits in working days.
    private static readonly (string Id, int WorkingDays)[] Procedures =
    [
        ("khai-sinh", 0), ("khai-sinh", 0), ("khai-tu", 0), ("ket-hon", 0), ("xac-nhan-hon-nhan", 3),
        ("trich-luc-ho-tich", 0), ("chung-thuc-ban-sao", 0), ("chung-thuc-ban-sao", 0), ("chung-thuc-chu-ky", 0),
        ("chung-thuc-hop-dong", 2), ("cai-chinh-ho-tich", 3), ("thuong-tru", 7), ("tam-tru", 3), ("mai-tang-phi", 3),
        ("xac-nhan-khuyet-tat", 25),
    ];

    private static readonly string[] FamilyNames = ["Alăng", "Bríu", "Bhling", "Zơrâm", "Clâu", "Pơloong", "Ating", "Riah", "Nguyễn", "Trần", "Lê", "Hồ"];
    private static readonly string[] MiddleNames = ["Thị", "Văn", "Thị", "Văn", "Đức", "Ngọc"];
    private static readonly string[] GivenNames = ["Hùng", "Lan", "Nga", "Thuận", "Mai", "Bình", "Hoa", "Dũng", "Hương", "Tuấn", "Ka", "Pai", "Đen", "Bốp", "Lợi"];
    private static readonly string[] PhonePrefixes = ["090", "091", "093", "094", "096", "097", "098", "035", "038", "086", "088"];

    /// <summary>
    /// Fills the current commune of an empty database; refuses one that already holds dossiers, so real records are
    /// never mixed with samples.
    /// </summary>
    public Task<DemoSeedResult> SeedAsync(int seed = 2026, CancellationToken cancellationToken = default) =>
        // One unit of work for the whole month: all or nothing, and one write to disk instead of hundreds.
        archive.AllOrNothingAsync(async ct =>
        {
            await RefuseUnlessEmptyAsync(ct);
            return await SeedCurrentAsync(seed, withPublishedPeriod: true, ct);
        }, cancellationToken);

    /// <summary>
    /// Fills every configured commune, each entered in turn with its own villages, agency code and sample month; the
    /// office's published period goes to the first commune only, the office whose report it is. Refuses, filling
    /// none, when any commune already holds dossiers.
    /// </summary>
    public Task<IReadOnlyList<(Commune Commune, DemoSeedResult Result)>> SeedEveryCommuneAsync(int seed = 2026, CancellationToken cancellationToken = default) =>
        archive.AllOrNothingAsync(async ct =>
        {
            await communes.ForEachAsync(async _ => { await RefuseUnlessEmptyAsync(ct); return true; });
            var index = 0;
            // Each commune its own sample month: the same seed would give every commune the same figures.
            return await communes.ForEachAsync(_ => SeedCurrentAsync(seed + index, withPublishedPeriod: index++ == 0, ct));
        }, cancellationToken);

    private async Task RefuseUnlessEmptyAsync(CancellationToken cancellationToken)
    {
        if (!await archive.IsEmptyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds dossiers; demo data only goes into an empty one.");
        }
    }

    private async Task<DemoSeedResult> SeedCurrentAsync(int seed, bool withPublishedPeriod, CancellationToken cancellationToken)
    {
        var office = communes.Current.Office;
        var villages = office.Villages.Count > 0 ? office.Villages : ["Thôn 1"];
        var random = new Random(seed);
        var now = time.GetUtcNow();
        var today = calendar.Today;
        var created = new List<Dossier>();

        for (var day = today.AddDays(-Days); day <= today; day = day.AddDays(1))
        {
            var count = calendar.IsWorkingDay(day) ? random.Next(3, 8) : random.Next(0, 3);
            for (var i = 0; i < count; i++)
            {
                var online = !calendar.IsWorkingDay(day) || random.NextDouble() < 0.62;
                // In person during office hours; online at any waking hour.
                var minute = online ? random.Next(6 * 60, 22 * 60) : random.Next(7 * 60 + 30, 16 * 60 + 30);
                var at = calendar.StartOf(day).AddMinutes(minute);
                if (at > now)
                {
                    continue;
                }
                var request = Applicant(random, villages) with
                {
                    CitizenId = random.NextDouble() < 0.5 ? "0" + random.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture) : null,
                    Submission = online ? Submission.Online : Submission.InPerson,
                };
                var dossier = await archive.FileAtAsync(request, DemoStaff, at, cancellationToken);
                created.Add(await ProgressAsync(dossier, random, now, cancellationToken));
            }
        }

        // A few residents have pre-registered to come on the next working days.
        var visit = today;
        for (var i = 0; i < 4; i++)
        {
            visit = calendar.NextWorkingDay(visit);
            created.Add(await archive.FileAtAsync(
                Applicant(random, villages) with { AppointmentDate = visit },
                staff: null,
                now.AddMinutes(-10 * (i + 1)),
                cancellationToken));
        }

        var published = withPublishedPeriod ? await SeedPublishedPeriodAsync(random, villages, cancellationToken) : 0;
        return new DemoSeedResult(created.Count + published, CodesToTry(created));
    }

    /// <summary>
    /// The report's dossiers, spread evenly over its working days and the procedures: all resolved on time, and
    /// all but <see cref="PublishedReceived"/> − <see cref="PublishedOnline"/> of them filed online.
    /// </summary>
    private async Task<int> SeedPublishedPeriodAsync(Random random, IReadOnlyList<string> villages, CancellationToken cancellationToken)
    {
        var days = new List<DateOnly>();
        for (var day = PublishedFrom; day <= PublishedLastReceived; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }
        var inPerson = PublishedReceived - PublishedOnline;
        for (var i = 0; i < PublishedReceived; i++)
        {
            var (procedureId, workingDays) = Procedures[i % Procedures.Length];
            var request = Applicant(random, villages) with
            {
                ProcedureId = procedureId,
                WorkingDays = workingDays,
                // Every (received / in person)-th dossier came to the desk; the rest were filed online.
                Submission = i % (PublishedReceived / inPerson) == 0 && i / (PublishedReceived / inPerson) < inPerson ? Submission.InPerson : Submission.Online,
            };
            var at = calendar.StartOf(days[i * days.Count / PublishedReceived]).AddMinutes(random.Next(7 * 60 + 30, 11 * 60));
            var dossier = await archive.FileAtAsync(request, DemoStaff, at, cancellationToken);
            var readyAt = Max(calendar.StartOf(dossier.DueDate!.Value).AddHours(14), at.AddHours(1));
            await archive.ChangeStatusAtAsync(dossier.Code, DossierStatus.ResultReady, DemoStaff, null, readyAt, cancellationToken);
            await archive.ChangeStatusAtAsync(dossier.Code, DossierStatus.ResultReturned, DemoStaff, null, readyAt.AddHours(2), cancellationToken);
        }
        return PublishedReceived;
    }

    /// <summary>Moves a received dossier along as the office would have by now: mostly on time, some late, a few stuck.</summary>
    private async Task<Dossier> ProgressAsync(Dossier dossier, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = dossier.DueDate!.Value;
        var roll = random.NextDouble();
        if (roll < 0.04)
        {
            return await StepAsync(dossier, DossierStatus.Withdrawn, dossier.ReceivedAt!.Value.AddHours(2), now, "Người nộp xin rút hồ sơ.", cancellationToken);
        }
        if (roll < 0.12)
        {
            return await StepAsync(dossier, DossierStatus.SupplementRequested, dossier.ReceivedAt!.Value.AddHours(3), now, "Thiếu bản sao giấy tờ tùy thân.", cancellationToken);
        }
        var lateDays = roll > 0.93 ? random.Next(1, 4) : 0;
        var readyDay = due;
        for (var i = 0; i < lateDays; i++)
        {
            readyDay = calendar.NextWorkingDay(readyDay);
        }
        var readyAt = Max(calendar.StartOf(readyDay).AddHours(random.Next(8, 16)), dossier.ReceivedAt!.Value.AddHours(1));
        var progressed = dossier.WorkingDays > 0
            ? await StepAsync(dossier, DossierStatus.InProgress, dossier.ReceivedAt!.Value.AddMinutes(30), now, null, cancellationToken)
            : dossier;
        progressed = await StepAsync(progressed, DossierStatus.ResultReady, readyAt, now, null, cancellationToken);
        return await StepAsync(progressed, DossierStatus.ResultReturned, readyAt.AddHours(random.Next(1, 60)), now, null, cancellationToken);
    }

    private async Task<Dossier> StepAsync(Dossier dossier, DossierStatus status, DateTimeOffset at, DateTimeOffset now, string? note, CancellationToken cancellationToken) =>
        at > now ? dossier : (await archive.ChangeStatusAtAsync(dossier.Code, status, DemoStaff, note, at, cancellationToken))!;

    private static IReadOnlyList<string> CodesToTry(List<Dossier> dossiers) =>
        new[] { DossierStatus.ResultReady, DossierStatus.InProgress, DossierStatus.SupplementRequested, DossierStatus.ResultReturned, DossierStatus.PreRegistered }
            .Select(status => dossiers.LastOrDefault(d => d.Status == status)?.Code)
            .OfType<string>()
            .ToList();

    private static NewDossier Applicant(Random random, IReadOnlyList<string> villages)
    {
        var (procedureId, workingDays) = Pick(random, Procedures);
        return new NewDossier
        {
            ProcedureId = procedureId,
            WorkingDays = workingDays,
            ApplicantName = $"{Pick(random, FamilyNames)} {Pick(random, MiddleNames)} {Pick(random, GivenNames)}",
            Phone = Pick(random, PhonePrefixes) + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture),
            Village = Pick(random, villages),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
