using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>/can-bo/ho-so</c>: the dossiers, searched (<c>?q=</c> a code, a phone or its last 4 digits, a name) and filtered
/// (status, procedure, village, period), a page at a time; <c>/can-bo/ho-so/{code}</c>: one dossier with its history,
/// notes, audit and the resident's chat, where its status is changed (the resident is told, as from the chat or the
/// API) and a verification lock lifted. Every view and change is audited with the signed-in member.
/// </summary>
public static class DossierPages
{
    /// <summary>Longest search text read; a longer one is cut.</summary>
    public const int MaxQueryLength = 100;

    internal static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("ho-so/{code}", DetailAsync);
        staff.MapPost("ho-so/{code}/trang-thai", ChangeStatusAsync);
        staff.MapPost("ho-so/{code}/mo-khoa", UnlockAsync);
    }

    /// <summary>A link to a dossier's page, from a page one folder under <c>/can-bo</c>'s root.</summary>
    internal static string Link(string root, Dossier dossier) =>
        $"""<a class="code" href="{root}can-bo/ho-so/{Uri.EscapeDataString(dossier.Code)}">{Encode(dossier.Code)}</a>""";

    internal static IResult List(
        HttpContext http, DossierSearch search, ProcedureCatalog catalog, CommuneContext communes, WorkingCalendar calendar, IStaffAuditLog audit,
        string? q, string? status, string? procedure, string? village, string? from, string? to, int? before)
    {
        var text = q?.Trim() is { Length: > 0 } typed ? typed[..Math.Min(typed.Length, MaxQueryLength)] : null;
        DossierStatus? chosen = DossierStatuses.TryParse(status, out var parsed) ? parsed : null;
        var query = new DossierQuery(
            text, chosen, catalog.Find(procedure ?? "")?.Id, communes.Current.Office.ResolveVillage(village), Day(from), Day(to), before is > 0 ? before : null);
        var page = search.Find(query);
        if (text is not null)
        {
            // What staff searched for may be a resident's phone: the log keeps only that a search was made.
            audit.Record(http.User.StaffName(), "dossier.search", details: string.Create(CultureInfo.InvariantCulture, $"{page.Items.Count} found"));
        }
        var root = StaffPages.Root(http);
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""
            <main id="main" class="page"><h2>{DossierTexts.ListHeading}</h2>
            <form class="filters" method="get" action="{root}can-bo/ho-so" role="search">
            <label for="q">{DossierTexts.Search}</label><input id="q" name="q" type="search" maxlength="{MaxQueryLength}" value="{Encode(text ?? "")}">
            <label for="status">{DossierTexts.Status}</label><select id="status" name="status">{Options(Enum.GetValues<DossierStatus>().Select(s => (s.JsonName(), s.Text().Label)), chosen?.JsonName())}</select>
            <label for="procedure">{DossierTexts.Procedure}</label><select id="procedure" name="procedure">{Options(catalog.All.Select(p => (p.Id, p.SimpleName)), query.ProcedureId)}</select>
            <label for="village">{DossierTexts.Village}</label><select id="village" name="village">{Options(communes.Current.Office.Villages.Select(v => (v, v)), query.Village)}</select>
            <label for="from">{DossierTexts.From}</label><input id="from" name="from" type="date" value="{query.From:yyyy-MM-dd}">
            <label for="to">{DossierTexts.To}</label><input id="to" name="to" type="date" value="{query.To:yyyy-MM-dd}">
            <button type="submit" class="action">{DossierTexts.SearchButton}</button>
            </form>
            """);
        main.Append(TodayPage.List(page.Items, d =>
            $"""{Link(root, d)} · {Encode(d.ApplicantName)} · {Encode(d.MaskedPhone)} · {Encode(TodayPage.ProcedureName(catalog, d.ProcedureId))} · {Encode(d.Village)} · {Encode(d.Status.Text().Label)} · {Encode(DossierFormat.Day(calendar.LocalDate(d.CreatedAt)))}"""));
        if (page.NextBefore is { } next)
        {
            var more = page.Items.Count < DossierSearch.PageSize ? string.Format(CultureInfo.InvariantCulture, DossierTexts.ScannedSoFar, page.Scanned) + " " : "";
            main.Append(CultureInfo.InvariantCulture, $"""<p class="pager">{more}<a href="{root}can-bo/ho-so?{Encode(NextQuery(query, next))}" rel="next">{DossierTexts.Next}</a></p>""");
        }
        main.Append("</main>");
        return StaffLayout.Page(http, new StaffPage(DossierTexts.ListHeading, main.ToString(), []) { MenuSlug = "ho-so" });
    }

    internal static async Task<IResult> DetailAsync(HttpContext http, string code, IDossierStore store, IStaffAuditLog audit, DossierPageParts parts)
    {
        if (await store.FindAsync(code, http.RequestAborted) is not { } dossier)
        {
            return StaffPages.Problem(http, StatusCodes.Status404NotFound, DossierTexts.NotFound);
        }
        // Opening a dossier shows personal data: it is a staff action like any other.
        audit.Record(http.User.StaffName(), "dossier.view", dossier.Code);
        var told = http.Request.Query["da-doi"].Count > 0 ? dossier.ToStaff() : http.Request.Query["da-mo-khoa"].Count > 0 ? DossierTexts.Unlocked : null;
        return parts.Page(http, dossier, told, null, null);
    }

    internal static async Task<IResult> ChangeStatusAsync(
        HttpContext http, string code, IAntiforgery antiforgery, IDossierStore store, DossierUpdates updates, DossierPageParts parts)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        if (await store.FindAsync(code, http.RequestAborted) is not { } dossier)
        {
            return StaffPages.Problem(http, StatusCodes.Status404NotFound, DossierTexts.NotFound);
        }
        var note = http.Request.Form["note"].ToString();
        if (!DossierStatuses.TryParse(http.Request.Form["status"], out var status))
        {
            return parts.Page(http, dossier, null, DossierTexts.ChooseStatus, note, StatusCodes.Status400BadRequest);
        }
        try
        {
            var changed = await updates.ChangeStatusAsync(dossier.Code, status, http.User.StaffName(), string.IsNullOrWhiteSpace(note) ? null : note, http.RequestAborted);
            return changed is null
                ? StaffPages.Problem(http, StatusCodes.Status404NotFound, DossierTexts.NotFound)
                : StaffPages.SeeOther(http, $"can-bo/ho-so/{Uri.EscapeDataString(changed.Code)}?da-doi=1");
        }
        catch (DossierValidationException invalid)
        {
            return parts.Page(http, dossier, null, invalid.Errors.InOneLine(), note, StatusCodes.Status400BadRequest);
        }
        catch (DossierStatusRefusedException refusal)
        {
            return parts.Page(http, dossier, null, refusal.Refusal.Reason(), note, StatusCodes.Status400BadRequest);
        }
    }

    internal static async Task<IResult> UnlockAsync(HttpContext http, string code, IAntiforgery antiforgery, IDossierStore store, LookupGuard guard, IStaffAuditLog audit)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        if (await store.FindAsync(code, http.RequestAborted) is not { } dossier)
        {
            return StaffPages.Problem(http, StatusCodes.Status404NotFound, DossierTexts.NotFound);
        }
        var wasLocked = guard.UnlockCode(dossier.Code);
        audit.Record(http.User.StaffName(), "dossier.unlock", dossier.Code, wasLocked ? "locked" : "not locked");
        return StaffPages.SeeOther(http, $"can-bo/ho-so/{Uri.EscapeDataString(dossier.Code)}?da-mo-khoa=1");
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && OfficeDates.Contains(day) ? day : null;

    private static string Options(IEnumerable<(string Value, string Label)> options, string? selected) =>
        $"<option value=\"\">{DossierTexts.All}</option>" + string.Concat(options.Select(o =>
            $"""<option value="{Encode(o.Value)}"{(o.Value == selected ? " selected" : "")}>{Encode(o.Label)}</option>"""));

    private static string NextQuery(DossierQuery query, int next)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("q", query.Text);
        Add("status", query.Status?.JsonName());
        Add("procedure", query.ProcedureId);
        Add("village", query.Village);
        Add("from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("before", next.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }
}

/// <summary>The parts of one dossier's page: facts, history and notes, audit, the resident's chat and the forms.</summary>
public sealed class DossierPageParts(
    ProcedureCatalog catalog, WorkingCalendar calendar, LookupGuard guard, IStaffAuditLog audit, DirectLineTranscripts transcripts,
    IOptions<DirectLineOptions> directLine, TimeProvider time)
{
    /// <summary>Lines of the resident's chat shown at most (the newest).</summary>
    public const int ChatLines = 50;

    public IResult Page(HttpContext http, Dossier dossier, string? told, string? error, string? note, int status = StatusCodes.Status200OK)
    {
        var root = StaffPages.Root(http);
        var code = Uri.EscapeDataString(dossier.Code);
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""
            <main id="main" class="page"><h2>{DossierTexts.DetailHeading} <span class="code">{Encode(dossier.Code)}</span></h2>
            {(told is null ? "" : $"<p class=\"told\" role=\"status\">{Encode(told)}</p>")}
            <dl class="facts">
            <dt>{DossierTexts.Applicant}</dt><dd>{Encode(dossier.ApplicantName)}</dd>
            <dt>{DossierTexts.Phone}</dt><dd>{Encode(dossier.MaskedPhone)}</dd>
            <dt>{DossierTexts.Procedure}</dt><dd>{Encode(TodayPage.ProcedureName(catalog, dossier.ProcedureId))}</dd>
            <dt>{DossierTexts.Village}</dt><dd>{Encode(dossier.Village)}</dd>
            <dt>{DossierTexts.Status}</dt><dd>{Encode(dossier.Status.Text().Label)}</dd>
            <dt>{DossierTexts.Filed}</dt><dd>{Encode(StaffPages.When(dossier.CreatedAt, calendar))}</dd>
            {(dossier.DueDate is { } due ? $"<dt>{DossierTexts.Due}</dt><dd>{Encode(DossierFormat.Day(due))}</dd>" : "")}
            {(dossier.AppointmentDate is { } visit ? $"<dt>{TodayTexts.Visit}</dt><dd>{Encode(DossierFormat.Day(visit))}</dd>" : "")}
            </dl>
            """);
        main.Append(ChangeForm(http, root, code, dossier, error, note));
        if (!guard.CheckCode(dossier.Code).Allowed)
        {
            main.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="{root}can-bo/ho-so/{code}/mo-khoa" class="unlock">{StaffLayout.AntiforgeryField(http)}
                <p>{DossierTexts.Locked}</p><button type="submit" class="action">{DossierTexts.UnlockButton}</button></form>
                """);
        }
        main.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"history\"><h3 id=\"history\">{DossierTexts.History}</h3>");
        main.Append(TodayPage.List(dossier.History, change =>
            $"{Encode(StaffPages.When(change.At, calendar))} · {Encode(change.Status.Text().Label)} · {Encode(change.Actor == DossierDesk.ResidentActor ? DossierTexts.Resident : AuditWording.Person(change.Actor))}"
            + (change.Note is { } said ? $"<br><span class=\"note\">{DossierTexts.Note}: {Encode(said)}</span>" : "")));
        main.Append("</section>");
        main.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"audit\"><h3 id=\"audit\">{DossierTexts.Audit}</h3>");
        main.Append(TodayPage.List(audit.ForTarget(dossier.Code), a => AuditWording.Line(a with { Target = null }, calendar)));
        main.Append("</section>");
        main.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"chat\"><h3 id=\"chat\">{DossierTexts.Chat}</h3>");
        main.Append(Chat(dossier));
        main.Append("</section></main>");
        return StaffLayout.Page(http, new StaffPage(DossierTexts.DetailHeading + " " + dossier.Code, main.ToString(), []) { MenuSlug = "ho-so" }, status);
    }

    private static string ChangeForm(HttpContext http, string root, string code, Dossier dossier, string? error, string? note)
    {
        var next = dossier.Status.AllowedNext();
        if (next.Count == 0)
        {
            return $"<p>{DossierTexts.Final}</p>";
        }
        var options = string.Concat(next.Select(s => $"""<option value="{s.JsonName()}">{Encode(s.Text().Label)}{(s.RequiresNote() ? " " + DossierTexts.NeedsNote : "")}</option>"""));
        return $"""
            <form method="post" action="{root}can-bo/ho-so/{code}/trang-thai" class="change">{StaffLayout.AntiforgeryField(http)}
            <h3>{DossierTexts.ChangeHeading}</h3>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(error)}</p>")}
            <label for="new-status">{DossierTexts.NewStatus}</label><select id="new-status" name="status" required>{options}</select>
            <label for="note">{DossierTexts.NoteLabel}</label><textarea id="note" name="note" rows="3" maxlength="{DossierValidation.MaxNoteLength}">{Encode(note ?? "")}</textarea>
            <p class="hint">{(dossier.ReachesResident() ? DossierTexts.WillTell : DossierTexts.NoChat)}</p>
            <button type="submit" class="action">{DossierTexts.ChangeButton}</button>
            </form>
            """;
    }

    /// <summary>The resident's web chat as the host keeps it (numbers masked), when the dossier was filed from one still kept.</summary>
    private string Chat(Dossier dossier)
    {
        if (dossier.Owner is not { } owner || !string.Equals(owner.ChannelId, DirectLineAdapter.ChannelId, StringComparison.OrdinalIgnoreCase)
            || transcripts.Load(owner.ConversationId, time.GetUtcNow() - directLine.Value.ConversationExpiry) is not { } kept)
        {
            return $"<p class=\"none\">{DossierTexts.NoChatKept}</p>";
        }
        var lines = kept.Activities.TakeLast(ChatLines).Select(json => JObject.Parse(json)).Where(a => a["type"]?.ToString() == "message" && a["text"] is JValue { Type: Newtonsoft.Json.Linq.JTokenType.String })
            .Select(a => (Resident: a["from"]?["role"]?.ToString() == "user", Text: a["text"]!.ToString())).ToList();
        return lines.Count == 0
            ? $"<p class=\"none\">{DossierTexts.NoChatKept}</p>"
            : "<ol class=\"chat-lines\">" + string.Concat(lines.Select(l => $"""<li class="{(l.Resident ? "resident" : "bot")}"><span>{(l.Resident ? DossierTexts.Resident : DossierTexts.Bot)}:</span> {Encode(l.Text)}</li>""")) + "</ol>";
    }
}

/// <summary>The words of the dossier pages.</summary>
public static class DossierTexts
{
    public const string ListHeading = "Hồ sơ";
    public const string Search = "Tìm (mã hồ sơ, tên, số điện thoại hoặc 4 số cuối)";
    public const string Status = "Trạng thái";
    public const string Procedure = "Thủ tục";
    public const string Village = "Thôn";
    public const string From = "Nộp từ ngày";
    public const string To = "Đến ngày";
    public const string All = "Tất cả";
    public const string SearchButton = "Tìm";
    public const string Next = "Trang sau";

    /// <summary>{0}: how many dossiers were read for this page.</summary>
    public const string ScannedSoFar = "Đã xem {0} hồ sơ gần nhất.";

    public const string NotFound = "Không có hồ sơ mang mã này.";
    public const string DetailHeading = "Hồ sơ";
    public const string Applicant = "Người nộp";
    public const string Phone = "Điện thoại";
    public const string Filed = "Ngày nộp";
    public const string Due = "Hạn trả kết quả";
    public const string History = "Quá trình xử lý và ghi chú";
    public const string Note = "Ghi chú";
    public const string Resident = "Người dân";
    public const string Bot = "Bot";
    public const string Audit = "Nhật ký cán bộ";
    public const string Chat = "Trò chuyện của người dân";
    public const string NoChatKept = "Không có trò chuyện nào được lưu cho hồ sơ này.";
    public const string ChangeHeading = "Đổi trạng thái";
    public const string NewStatus = "Trạng thái mới";
    public const string NeedsNote = "(cần ghi chú)";
    public const string NoteLabel = "Ghi chú cho người dân";
    public const string ChangeButton = "Đổi trạng thái";
    public const string ChooseStatus = "Anh/chị chọn trạng thái mới trong danh sách.";
    public const string WillTell = "Người dân sẽ nhận được tin báo qua trò chuyện.";
    public const string NoChat = "Hồ sơ này không nộp qua trò chuyện nên người dân không nhận được tin báo.";
    public const string Final = "Hồ sơ đã ở trạng thái cuối, không đổi được nữa.";
    public const string Locked = "Tra cứu hồ sơ này qua trò chuyện đang bị khóa vì có người đoán sai 4 số cuối điện thoại nhiều lần. Anh/chị mở khóa sau khi đã nói chuyện với người dân.";
    public const string UnlockButton = "Mở khóa tra cứu";
    public const string Unlocked = "Đã mở khóa tra cứu hồ sơ này.";
}
