using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Staff;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>/can-bo/gop-y</c>: what residents told the office ("Góp ý"), their ratings with comments, and the staff audit log,
/// filtered by person with <c>?nguoi=</c>.
/// </summary>
public static class FeedbackPage
{
    public const int Count = 100;

    internal static IResult Render(
        HttpContext http, IFeedbackStore feedback, IRatingStore ratings, IStaffAuditLog audit, IOptionsMonitor<StaffOptions> staff,
        StaffCommunes staffCommunes, CommuneContext communes, WorkingCalendar calendar, string? nguoi)
    {
        // The people who may act for the commune shown (its own staff and the province's): another commune's are no one here.
        var here = communes.Current;
        var people = staff.CurrentValue.Members.Where(m => staffCommunes.MayActFor(m, here))
            .Select(m => staff.CurrentValue.StaffNameOf(m.Channel, m.UserId)!).Append(StaffApi.ApiActor)
            .Distinct(StringComparer.Ordinal).ToList();
        var person = people.FirstOrDefault(p => p == nguoi);
        var actions = person is null ? audit.Recent(Count) : audit.ByStaff(person, Count);
        var root = StaffPages.Root(http);
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""<main id="main" class="page"><h2>{FeedbackTexts.Heading}</h2>""");
        main.Append(CultureInfo.InvariantCulture, $"""<section aria-labelledby="feedback"><h3 id="feedback">{FeedbackTexts.Feedback}</h3>""");
        main.Append(TodayPage.List(feedback.Latest(Count), f => $"{Encode(StaffPages.When(f.GivenAt, calendar))} · {Encode(f.Text)}"));
        main.Append(CultureInfo.InvariantCulture, $"""</section><section aria-labelledby="ratings"><h3 id="ratings">{FeedbackTexts.Ratings}</h3>""");
        main.Append(TodayPage.List(ratings.Latest(Count), r =>
            $"{Encode(StaffPages.When(r.RatedAt, calendar))} · {Encode(r.Score.Label())}"
            + (r.DossierCode is { } code ? " · " + Encode(code) : "")
            + (r.Comment is { } comment ? $"<br><span class=\"note\">{Encode(comment)}</span>" : "")));
        main.Append(CultureInfo.InvariantCulture, $"""
            </section><section aria-labelledby="audit"><h3 id="audit">{FeedbackTexts.Audit}</h3>
            <form method="get" action="{root}can-bo/gop-y" class="filters"><label for="nguoi">{FeedbackTexts.Person}</label>
            <select id="nguoi" name="nguoi"><option value="">{FeedbackTexts.Everyone}</option>{string.Concat(people.Select(p => $"""<option value="{Encode(p)}"{(p == person ? " selected" : "")}>{Encode(AuditWording.Person(p))}</option>"""))}</select>
            <button type="submit" class="action">{FeedbackTexts.Show}</button></form>
            """);
        main.Append(TodayPage.List(actions, a => AuditWording.Line(a, calendar)));
        main.Append("</section></main>");
        return StaffLayout.Page(http, new StaffPage(FeedbackTexts.Heading, main.ToString(), []) { MenuSlug = "gop-y" });
    }
}

/// <summary>The words of the feedback and audit page.</summary>
public static class FeedbackTexts
{
    public const string Heading = "Góp ý và nhật ký";
    public const string Feedback = "Góp ý của người dân";
    public const string Ratings = "Đánh giá của người dân";
    public const string Audit = "Nhật ký việc cán bộ đã làm";
    public const string Person = "Người làm";
    public const string Everyone = "Tất cả";
    public const string Show = "Xem";
}

/// <summary>
/// The audit log as staff read it: who, when, what (in Vietnamese; the stored action names are codes) and on what. Details
/// stay in the log: they are written for investigation, in the codes' language.
/// </summary>
public static class AuditWording
{
    public const string OtherSystems = "Hệ thống khác (khóa API)";

    /// <summary>{0}: how many dossiers one action touched.</summary>
    public const string Many = "{0} hồ sơ";

    private static readonly FrozenDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["dossier.create"] = "nhận hồ sơ",
        ["dossier.import"] = "nhập hồ sơ từ tệp",
        ["dossier.status"] = "đổi trạng thái hồ sơ",
        ["dossier.view"] = "xem hồ sơ",
        ["dossier.search"] = "tìm hồ sơ",
        ["dossier.unlock"] = "mở khóa tra cứu",
        ["stats.view"] = "xem số liệu",
        ["database.backup"] = "sao lưu dữ liệu",
        ["staff.signin"] = "đăng nhập",
        ["staff.signout"] = "đăng xuất",
        ["staff.disable"] = "khóa tài khoản",
        ["staff.enable"] = "mở lại tài khoản",
        ["staff.password-reset"] = "cấp mật khẩu mới",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What an action was, in words; "việc khác" for a code this page does not know yet.</summary>
    public static string Action(string code) => Actions.GetValueOrDefault(code, "việc khác");

    public static string Person(string staff) => staff == StaffApi.ApiActor ? OtherSystems : staff;

    public static string Line(StaffAction action, WorkingCalendar calendar) =>
        $"{Encode(StaffPages.When(action.At, calendar))} · {Encode(Person(action.Staff))} · {Encode(Action(action.Action))}"
        + (action.Target is { } target ? $" · <span class=\"code\">{Encode(target)}</span>"
            : action.Targets is { Count: > 0 } many ? " · " + Encode(string.Format(CultureInfo.InvariantCulture, Many, many.Count)) : "");
}
