using System.Globalization;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Benchmarks.Shared;

/// <summary>
/// An archive as years of a busy office leave it: about 270 dossiers a day back from today, nearly all finished
/// long ago, the last weeks' still moving, so that the open ones are as few as a real office has.
/// </summary>
public static class ArchiveBuilder
{
    private static readonly (string Id, int Days)[] Procedures = [("khai-sinh", 0), ("chung-thuc-ban-sao", 0), ("xac-nhan-hon-nhan", 3), ("thuong-tru", 7), ("xac-nhan-khuyet-tat", 25)];

    /// <summary>Writes <paramref name="count"/> dossiers of <paramref name="commune"/> (its agency code in their codes, its slug on each).</summary>
    public static void Fill(LiteDB.ILiteCollection<Dossier> dossiers, WorkingCalendar calendar, Commune commune, int count, TimeProvider time)
    {
        var agency = commune.Office.AgencyCode;
        var random = new Random(42);
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        const int PerDay = 270;
        var batch = new List<Dossier>(10_000);
        for (var i = 0; i < count; i++)
        {
            var daysAgo = (count - 1 - i) / PerDay;
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
            batch.Add(new Dossier
            {
                Commune = commune.Id,
                Code = DossierCode.Format(agency, day, i % PerDay + 1),
                ProcedureId = procedure,
                ApplicantName = "Alăng Thị Hoa",
                Phone = "09" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                Village = "Thôn 1",
                Status = history[^1].Status,
                History = history,
                Submission = random.NextDouble() < 0.9 ? Submission.Online : Submission.InPerson,
                WorkingDays = workingDays,
                CreatedAt = received,
                ReceivedAt = received,
                DueDate = due,
                ReturnedAt = history[^1].Status == DossierStatus.ResultReturned ? history[^1].At : null,
            });
            if (batch.Count == batch.Capacity)
            {
                dossiers.InsertBulk(batch);
                batch.Clear();
            }
        }
        dossiers.InsertBulk(batch);
    }
}
