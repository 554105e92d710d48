using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Dossiers;

/// <summary>A dossier described in short lines: to the resident who filed it, or to staff (with masked personal data).</summary>
public sealed class DossierDetails(ProcedureCatalog catalog, WorkingCalendar calendar, TimeProvider time, IRatingStore ratings, CommuneContext communes)
{
    /// <summary>The procedure's simple name, or its id when the catalogue no longer has it.</summary>
    public string ProcedureName(string procedureId) => catalog.Find(procedureId)?.SimpleName ?? procedureId;

    /// <summary>What the resident needs: status explained, dates, late or not, what to do next.</summary>
    public IReadOnlyList<string> ForResident(Dossier dossier)
    {
        var text = dossier.Status.Text();
        var lines = new List<string>
        {
            TextTemplate.Fill(DossierDetailTexts.Heading, dossier.Code, ProcedureName(dossier.ProcedureId)),
            TextTemplate.Fill(DossierDetailTexts.Status, text.Label, text.Explanation),
        };
        lines.AddRange(Dates(dossier));
        if (dossier.History[^1].Note is { } note)
        {
            lines.Add(DossierDetailTexts.Note + note);
        }
        lines.Add(text.NextStep + (dossier.Status == DossierStatus.ResultReady ? " " + DossierDetailTexts.BringToCollect : string.Empty));
        if (dossier.Status.SendsToReceiver() && Receivers.Visit(catalog.Find(dossier.ProcedureId), communes.Current.Office) is { } visit)
        {
            lines.Add(visit);
        }
        return lines;
    }

    /// <summary>Everything staff need at the desk; phone and ID number stay masked.</summary>
    public IReadOnlyList<string> ForStaff(Dossier dossier)
    {
        var lines = new List<string>
        {
            TextTemplate.Fill(DossierDetailTexts.Heading, dossier.Code, ProcedureName(dossier.ProcedureId)),
            TextTemplate.Fill(DossierDetailTexts.Applicant, Shown(dossier.ApplicantName), dossier.MaskedPhone, dossier.Village),
        };
        if (dossier.MaskedCitizenId is { } id)
        {
            lines.Add(DossierDetailTexts.CitizenId + id);
        }
        lines.Add(TextTemplate.Fill(DossierDetailTexts.Status, dossier.Status.Text().Label, dossier.Submission == Submission.Online ? DossierDetailTexts.Online : DossierDetailTexts.InPerson));
        lines.AddRange(Dates(dossier));
        lines.Add(DossierDetailTexts.History + string.Concat(dossier.History.Select(change =>
            "\n- " + DossierFormat.Day(calendar.LocalDate(change.At)) + " " + DossierFormat.Time(calendar.LocalTime(change.At)) + ": " +
            change.Status.Text().Label + " (" + ActorLabel(change.Actor) + ")" + (change.Note is null ? string.Empty : ". " + change.Note))));
        // The resident's rating and what they said went wrong, so that staff can put it right.
        foreach (var rating in ratings.ForDossier(dossier.Code))
        {
            var label = rating.Score.Label();
            lines.Add(TextTemplate.Fill(DossierDetailTexts.Rating, label) + (rating.Comment is { } comment ? " " + TextTemplate.Fill(DossierDetailTexts.RatingComment, comment) : string.Empty));
        }
        return lines;
    }

    /// <summary>A name as Vietnamese names are written (title-cased), also one kept before names were normalised.</summary>
    private static string Shown(string name) => PersonName.TryNormalize(name, out var shown, out _) ? shown : name;

    /// <summary>Who made a change, in words staff read: stored actors are ids ("resident", "emulator:staff1", "api").</summary>
    private static string ActorLabel(string actor) => actor switch
    {
        DossierDesk.ResidentActor => DossierDetailTexts.ByResident,
        _ when actor.Contains(':', StringComparison.Ordinal) => DossierDetailTexts.ByStaff,
        _ when actor.All(c => c < 128) => DossierDetailTexts.BySystem,
        _ => actor,
    };

    private IEnumerable<string> Dates(Dossier dossier)
    {
        var now = time.GetUtcNow();
        if (dossier.ReceivedAt is { } received)
        {
            yield return TextTemplate.Fill(DossierDetailTexts.Received, DossierFormat.Day(calendar.LocalDate(received)), DossierFormat.Ago(calendar.LocalDate(received), calendar.LocalDate(now)));
        }
        else if (dossier.AppointmentDate is { } visit)
        {
            yield return DossierDetailTexts.Appointment + DossierFormat.Day(visit) + ".";
        }

        if (dossier.DueDate is not { } due || dossier.Status is DossierStatus.Rejected or DossierStatus.Stopped or DossierStatus.Withdrawn)
        {
            yield break;
        }
        if (dossier.Status.IsResolved())
        {
            yield return DossierDetailTexts.Due + DossierFormat.Day(due) + ".";
        }
        else if (dossier.IsOverdue(calendar.Today))
        {
            yield return DossierDetailTexts.Due + DossierFormat.Day(due) + ". " + DossierDetailTexts.Late;
        }
        else
        {
            yield return DossierDetailTexts.Due + DossierFormat.Day(due) + ". " + DossierDetailTexts.OnTime;
        }
    }
}

/// <summary>The lines of a dossier's description. {0}, {1}: values in the order of each line.</summary>
internal static class DossierDetailTexts
{
    public const string Heading = "Hồ sơ {0}: {1}.";
    public const string Status = "Trạng thái: {0}. {1}";
    public const string Applicant = "Người nộp: {0}, điện thoại {1}, {2}.";
    public const string CitizenId = "Số căn cước: ";
    public const string Online = "Nộp trực tuyến.";
    public const string InPerson = "Nộp tại xã.";
    public const string Received = "Ngày nhận: {0} ({1}).";
    public const string Appointment = "Ngày hẹn đến nộp: ";
    public const string Due = "Hẹn trả kết quả: ";
    public const string OnTime = "Hồ sơ đang đúng hạn.";
    public const string Late = "Hồ sơ đã quá hạn. Xin lỗi anh/chị, cán bộ đang giải quyết gấp.";
    public const string Note = "Ghi chú của cán bộ: ";
    public const string BringToCollect = "Nhớ mang theo mã hồ sơ này.";
    public const string History = "Lịch sử:";
    public const string Rating = "Người dân đánh giá: {0}.";
    public const string RatingComment = "Góp ý: {0}";
    public const string ByResident = "người nộp";
    public const string ByStaff = "cán bộ";
    public const string BySystem = "hệ thống của xã";
}
