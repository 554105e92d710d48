using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Notices;

/// <summary>
/// Tells the chat that filed a dossier of each status change, through the outbox; when the result is returned, the
/// same message asks for a rating. Dossiers filed at the desk have no chat and get nothing.
/// </summary>
public sealed class DossierStatusNotifier(NoticeService notices, ProcedureCatalog catalog, CommuneContext communes) : IDossierStatusObserver
{
    public static readonly IReadOnlyList<string> Actions = [MainMenu.CheckDossier, MainMenu.TalkToStaff];

    public void OnStatusChanged(Dossier dossier, StatusChange change)
    {
        if (dossier.Owner is not { } owner)
        {
            return;
        }
        // A returned result and its rating request are one message: rows are sent in parallel and retried, so two
        // could arrive swapped.
        var message = Message(dossier.Code, change, Receivers.Visit(catalog.Find(dossier.ProcedureId), communes.Current.Office));
        if (change.Status == DossierStatus.ResultReturned)
        {
            notices.RequestRating(owner, message + "\n" + TextTemplate.Fill(RatingTexts.Ask, dossier.Code), RatingDialog.ChoiceLabels);
        }
        else
        {
            notices.NotifyStatusChange(owner, message, Actions);
        }
    }

    /// <summary>
    /// The message a resident gets: the code, the new status, what it means, the staff note, what to do next and, when
    /// that means going somewhere, where and when (<paramref name="visit"/>: the procedure's own receiver).
    /// </summary>
    public static string Message(string code, StatusChange change, string? visit)
    {
        var status = change.Status.Text();
        var lines = new List<string>
        {
            TextTemplate.Fill(DossierStatusTexts.Heading, code, status.Label),
            status.Explanation,
        };
        if (!string.IsNullOrWhiteSpace(change.Note))
        {
            lines.Add(TextTemplate.Fill(DossierStatusTexts.Note, change.Note.Trim()));
        }
        lines.Add(status.NextStep);
        if (change.Status.SendsToReceiver() && visit is not null)
        {
            lines.Add(visit);
        }
        lines.Add(DossierStatusTexts.Next);
        return string.Join("\n", lines);
    }
}

/// <summary>What a status-change message says. {0}: the code, {1}: the status label.</summary>
public static class DossierStatusTexts
{
    public const string Heading = "Hồ sơ {0} đã chuyển sang: {1}.";
    public const string Note = "Cán bộ ghi chú: {0}";
    public const string Next = "Muốn xem chi tiết, anh/chị bấm \"Tra cứu hồ sơ\".";
}
