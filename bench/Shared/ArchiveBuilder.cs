using System.Globalization;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Benchmarks.Shared;

/// <summary>
/// An archive as years of a busy office leave it: a number of dossiers a day back from today, nearly all finished
/// long ago, the last weeks' still moving, so that the open ones are as few as a real office has.
/// </summary>
public static class ArchiveBuilder
{
    /// <summary>Dossiers a day of one busy office; a province's commune receives fewer.</summary>
    public const int BusyOfficePerDay = 270;

    private static readonly (string Id, int Days)[] Procedures = [("khai-sinh", 0), ("chung-thuc-ban-sao", 0), ("xac-nhan-hon-nhan", 3), ("thuong-tru", 7), ("xac-nhan-khuyet-tat", 25)];

    /// <summary>
    /// Writes <paramref name="count"/> dossiers of <paramref name="commune"/> (its agency code in their codes, its slug on
    /// each), <paramref name="perDay"/> a day, in bulk around the stores: their daily figures are counted on first use.
    /// </summary>
    public static void Fill(LiteDB.ILiteCollection<Dossier> dossiers, WorkingCalendar calendar, Commune commune, int count, TimeProvider time, int perDay = BusyOfficePerDay)
    {
        foreach (var batch in Dossiers(calendar, commune, count, time, perDay).Chunk(10_000))
        {
            dossiers.InsertBulk(batch);
        }
    }

    /// <summary>The dossiers <see cref="Fill"/> writes, for an engine that writes them its own way.</summary>
    public static IEnumerable<Dossier> Dossiers(WorkingCalendar calendar, Commune commune, int count, TimeProvider time, int perDay = BusyOfficePerDay) =>
        Rows(calendar, commune, count, perDay, time).Select(row => new Dossier
            {
                Commune = commune.Id,
                Code = row.Code,
                ProcedureId = row.Valid.ProcedureId,
                ApplicantName = row.Valid.ApplicantName,
                Phone = row.Valid.Phone,
                Village = "Thôn 1",
                Status = row.History[^1].Status,
                History = [.. row.History],
                Submission = row.Valid.Submission,
                WorkingDays = row.Valid.WorkingDays,
                CreatedAt = row.History[0].At,
                ReceivedAt = row.History[0].At,
                DueDate = calendar.DueDate(row.History[0].At, row.Valid.WorkingDays),
                ReturnedAt = row.History[^1].Status == DossierStatus.ResultReturned ? row.History[^1].At : null,
            });

    /// <summary>
    /// The dossiers of <paramref name="commune"/> as the provincial system exports them (codes with its agency code,
    /// histories in order), <paramref name="perDay"/> a day back from today, the newest last: what an import files.
    /// </summary>
    public static IEnumerable<ImportedDossier> Rows(WorkingCalendar calendar, Commune commune, int count, int perDay, TimeProvider time)
    {
        var agency = commune.Office.AgencyCode;
        var villages = commune.Office.Villages;
        var random = new Random(42);
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        for (var i = 0; i < count; i++)
        {
            var daysAgo = (count - 1 - i) / perDay;
            var day = today.AddDays(-daysAgo);
            var received = calendar.StartOf(day).AddMinutes(random.Next(7 * 60, 17 * 60));
            if (received > now)
            {
                received = now.AddMinutes(-random.Next(1, 600));
            }
            var (procedure, workingDays) = Procedures[random.Next(Procedures.Length)];
            var due = calendar.DueDate(received, workingDays);
            var history = new List<StatusChange> { new() { At = received, Status = DossierStatus.Received, Actor = "bench" } };
            var ready = calendar.StartOf(due ?? day).AddHours(random.Next(8, 16));
            if (ready < now && random.NextDouble() < 0.97)
            {
                history.Add(new StatusChange { At = ready, Status = DossierStatus.ResultReady, Actor = "bench" });
                if (ready.AddDays(2) < now)
                {
                    history.Add(new StatusChange { At = ready.AddDays(2), Status = DossierStatus.ResultReturned, Actor = "bench" });
                }
            }
            var valid = new NewDossier
            {
                ProcedureId = procedure,
                ApplicantName = "Alăng Thị Hoa",
                Phone = "09" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                Village = villages.Count > 0 ? villages[i % villages.Count] : "Thôn 1",
                Submission = random.NextDouble() < 0.9 ? Submission.Online : Submission.InPerson,
                WorkingDays = workingDays,
            };
            yield return new ImportedDossier(valid, DossierCode.Format(agency, day, i % perDay + 1), history);
        }
    }
}
