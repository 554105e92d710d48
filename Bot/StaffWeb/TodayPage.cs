using System.Globalization;
using System.Text;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>/can-bo/hom-nay</c>, the clerk's first screen: dossiers due today or overdue, residents who pre-registered and are
/// coming (with the papers to check), residents waiting for a person, and questions the bot could not answer.
/// </summary>
public static class TodayPage
{
    public const int QuestionCount = 10;

    internal static IResult Render(
        HttpContext http, DossierSearch search, ProcedureCatalog catalog, WorkingCalendar calendar, IHandoffStore handoffs,
        IUnansweredQuestionStore questions)
    {
        var root = StaffPages.Root(http);
        var today = search.Today();
        var day = calendar.Today;
        var open = handoffs.Open(50);
        var waiting = questions.Latest(QuestionCount);
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""<main id="main" class="page"><h2>{TodayTexts.Heading} — {Encode(DossierFormat.Day(day))}</h2>""");

        main.Append(CultureInfo.InvariantCulture, $"""<section aria-labelledby="due"><h3 id="due">{TodayTexts.Due} ({today.Due.Count})</h3>""");
        main.Append(List(today.Due, d =>
            $"""{DossierPages.Link(root, d)} · {Encode(d.ApplicantName)} · {Encode(ProcedureName(catalog, d.ProcedureId))} · <span class="{(d.DueDate < day ? "late" : "due")}">{Encode(DueText(d.DueDate!.Value, day))}</span>"""));
        main.Append("</section>");

        main.Append(CultureInfo.InvariantCulture, $"""<section aria-labelledby="coming"><h3 id="coming">{TodayTexts.Coming} ({today.PreRegistered.Count})</h3>""");
        main.Append(List(today.PreRegistered, d =>
            $"""{DossierPages.Link(root, d)} · {Encode(d.ApplicantName)} · {Encode(ProcedureName(catalog, d.ProcedureId))}"""
            + (d.AppointmentDate is { } visit ? $" · {TodayTexts.Visit} {Encode(DossierFormat.Day(visit))}" : "")
            + Papers(catalog, d.ProcedureId)));
        main.Append("</section>");

        main.Append(CultureInfo.InvariantCulture, $"""<section aria-labelledby="handoffs"><h3 id="handoffs">{TodayTexts.Handoffs} ({open.Count})</h3>""");
        main.Append(List(open, h => $"""<strong>{Encode(h.Id)}</strong> · {Encode(StaffPages.When(h.AskedAt, calendar))} · {Encode(h.Question)}"""));
        main.Append("</section>");

        main.Append(CultureInfo.InvariantCulture, $"""<section aria-labelledby="questions"><h3 id="questions">{TodayTexts.Questions}</h3>""");
        main.Append(List(waiting, q => $"""{Encode(StaffPages.When(q.AskedAt, calendar))} · {Encode(q.Text)}"""));
        main.Append("</section></main>");
        return StaffLayout.Page(http, new StaffPage(TodayTexts.Heading, main.ToString(), []) { MenuSlug = "hom-nay" });
    }

    /// <summary>Items as a list, or "Không có." when there are none.</summary>
    internal static string List<T>(IReadOnlyList<T> items, Func<T, string> line) =>
        items.Count == 0 ? $"<p class=\"none\">{StaffPageTexts.Nothing}</p>" : "<ul class=\"items\">" + string.Concat(items.Select(item => "<li>" + line(item) + "</li>")) + "</ul>";

    internal static string ProcedureName(ProcedureCatalog catalog, string id) => catalog.Find(id)?.SimpleName ?? id;

    private static string DueText(DateOnly due, DateOnly today) =>
        due == today ? TodayTexts.DueToday : string.Format(CultureInfo.InvariantCulture, TodayTexts.Late, today.DayNumber - due.DayNumber);

    private static string Papers(ProcedureCatalog catalog, string procedureId) =>
        catalog.Find(procedureId) is { Documents.Count: > 0 } procedure
            ? $"""<details><summary>{TodayTexts.Papers}</summary><ol>{string.Concat(procedure.Documents.Select(d => "<li>" + Encode(DocumentWording.Line(d)) + "</li>"))}</ol></details>"""
            : "";
}

/// <summary>The words of the Today page.</summary>
public static class TodayTexts
{
    public const string Heading = "Hôm nay";

    public const string Due = "Hồ sơ đến hạn hôm nay và quá hạn";

    public const string DueToday = "Hạn hôm nay";

    /// <summary>{0}: days past the due date.</summary>
    public const string Late = "Quá hạn {0} ngày";

    public const string Coming = "Người dân đăng ký trước, cần chuẩn bị";

    public const string Visit = "hẹn đến";

    public const string Papers = "Giấy tờ cần kiểm tra";

    public const string Handoffs = "Người dân đang chờ gặp cán bộ";

    public const string Questions = "Câu hỏi bot chưa trả lời được (mới nhất)";
}
