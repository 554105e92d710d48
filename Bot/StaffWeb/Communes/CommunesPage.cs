using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.StaffWeb.Figures;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb.Communes;

/// <summary>
/// For a province administrator: "Các xã", every commune's figures side by side for a period (sorted by any column,
/// as the province ranks its communes), and the switcher on every page that changes the commune the session acts for.
/// </summary>
public static partial class CommunesPage
{
    public const string Path = "cac-xa";

    /// <summary>Where the switcher posts, under <c>/can-bo/</c>.</summary>
    public const string SwitchPath = "xa";

    /// <summary>The columns a table can be sorted by, as they appear in <c>?sap=</c>.</summary>
    private static readonly IReadOnlyList<(string Key, string Label, Func<CommuneFigures, IComparable?> Value)> Columns =
    [
        ("ten", CommunesTexts.CommuneColumn, row => row.Commune.Office.CommuneName),
        ("tiep-nhan", FiguresTexts.Received, row => row.Figures.Received),
        ("giai-quyet", FiguresTexts.Resolved, row => row.Figures.Resolved),
        ("dung-han", FiguresTexts.OnTime, row => row.Figures.OnTimePercent),
        ("truc-tuyen", FiguresTexts.Online, row => row.Figures.OnlinePercent),
        ("hai-long", FiguresTexts.Satisfied, row => row.Figures.SatisfactionPercent),
    ];

    internal static async Task<IResult> RenderAsync(
        HttpContext http, string? from, string? to, string? sap, string? chieu, ProvinceFigures province, WorkingCalendar calendar,
        IStaffAuditLog audit, EndpointDataSource endpoints)
    {
        var (start, end, errors) = FiguresPages.Period(from, to, calendar);
        var html = new StringBuilder(FiguresPages.PeriodChoice(http, Path, CommunesTexts.Heading, start, end, errors));
        if (errors.Count > 0)
        {
            return Page(http, endpoints, html.ToString(), StatusCodes.Status400BadRequest);
        }
        // Unknown sort keys fall back to the name: a link typed by hand still shows the table.
        var column = Columns.FirstOrDefault(c => c.Key == sap);
        column = column.Key is null ? Columns[0] : column;
        // Names read A to Z; figures best first, unless asked the other way.
        var ascending = chieu is "tang" || (chieu is not "giam" && column.Key == Columns[0].Key);
        var rows = await province.ComputeAsync(start, end, http.RequestAborted);
        var sorted = ascending
            ? rows.OrderBy(column.Value, new Order(nullsLargest: true)).ToList()
            : rows.OrderByDescending(column.Value, new Order(nullsLargest: false)).ToList();
        audit.Record(http.User.StaffName(), "communes.view", details: $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}");
        html.Append(Table(http, sorted, start, end, column.Key, ascending));
        return Page(http, endpoints, html.ToString());
    }

    /// <summary>Keeps the chosen commune in the session, then opens the page the switcher was on.</summary>
    internal static async Task<IResult> SwitchAsync(
        HttpContext http, IAntiforgery antiforgery, CommuneDirectory directory, StaffCommunes communes, StaffCredentials credentials, IStaffAuditLog audit)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        var member = credentials.Find(http.User.FindFirst(StaffSessions.UserIdClaim)?.Value ?? "");
        if (member is null || directory.Find(form["xa"]) is not { } commune || !communes.MayActFor(member, commune))
        {
            // Whether the commune exists is not told to a member who may not act for it.
            return StaffPages.Problem(http, StatusCodes.Status404NotFound, CommunesTexts.NoSuchCommune);
        }
        await StaffSessions.SwitchCommuneAsync(http, commune);
        audit.Record(http.User.StaffName(), "commune.switch", details: commune.Id);
        var back = form["ve"].ToString();
        return StaffPages.SeeOther(http, WorkspacePath().IsMatch(back) ? back : "can-bo/hom-nay");
    }

    /// <summary>The commune switcher of a province administrator's header: a form, so that only the workspace itself switches.</summary>
    public static string Switcher(HttpContext http, string root)
    {
        var communes = http.RequestServices.GetRequiredService<CommuneDirectory>().All;
        var current = http.RequestServices.GetRequiredService<CommuneContext>().CurrentOrNull?.Id;
        var options = string.Concat(communes.Select(c =>
            $"""<option value="{Encode(c.Id)}"{(c.Id == current ? " selected" : "")}>{Encode(c.Office.CommuneName)}</option>"""));
        var here = (http.Request.Path.Value ?? "").TrimStart('/');
        return $"""
            <form method="post" action="{root}can-bo/{SwitchPath}" class="commune-switch">{StaffLayout.AntiforgeryField(http)}<input type="hidden" name="ve" value="{Encode(here)}"><label for="commune-switch">{CommunesTexts.SwitchLabel}</label> <select id="commune-switch" name="xa">{options}</select> <button type="submit">{CommunesTexts.SwitchButton}</button></form>
            """;
    }

    private static string Table(HttpContext http, IReadOnlyList<CommuneFigures> rows, DateOnly start, DateOnly end, string sortedBy, bool ascending)
    {
        var root = StaffPages.Root(http);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""<p class="hint">{Encode(TextTemplate.Fill(CommunesTexts.Summary, rows.Count, Day(start), Day(end)))}</p>""");
        html.Append("""<div class="scroll"><table class="communes"><thead><tr>""");
        foreach (var (key, label, _) in Columns)
        {
            var sorted = key == sortedBy;
            // A second click on the sorted column turns the order round.
            var next = sorted ? (ascending ? "giam" : "tang") : (key == Columns[0].Key ? "tang" : "giam");
            var sort = sorted ? $" aria-sort=\"{(ascending ? "ascending" : "descending")}\"" : "";
            var link = $"{WorkspacePage.Link(http, Path)}?from={start:yyyy-MM-dd}&amp;to={end:yyyy-MM-dd}&amp;sap={key}&amp;chieu={next}";
            html.Append(CultureInfo.InvariantCulture, $"""<th scope="col"{sort}><a href="{link}">{Encode(label)}{(sorted ? (ascending ? " ▲" : " ▼") : "")}</a></th>""");
        }
        html.Append(CultureInfo.InvariantCulture, $"""<th scope="col">{CommunesTexts.OpenColumn}</th></tr></thead><tbody>""");
        var token = StaffLayout.AntiforgeryField(http);
        foreach (var row in rows)
        {
            var f = row.Figures;
            html.Append(CultureInfo.InvariantCulture, $"""<tr id="xa-{Encode(row.Commune.Id)}"><th scope="row">{Encode(row.Commune.Office.CommuneName)}</th>""");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Encode(VietnameseNumber.Of(f.Received))}</td><td>{Encode(VietnameseNumber.Of(f.Resolved))}</td><td>{Encode(Percent(f.OnTimePercent))}</td>");
            html.Append(Goal(f.OnlinePercent, row.Goals.OnlineMet(f), row.Goals.OnlinePercent));
            html.Append(Goal(f.SatisfactionPercent, row.Goals.SatisfactionMet(f), row.Goals.SatisfactionPercent));
            html.Append(CultureInfo.InvariantCulture, $"""<td><form method="post" action="{root}can-bo/{SwitchPath}" class="inline">{token}<input type="hidden" name="xa" value="{Encode(row.Commune.Id)}"><input type="hidden" name="ve" value="can-bo/so-lieu"><button type="submit">{CommunesTexts.OpenButton}</button></form></td></tr>""");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    // The share and, beside it, whether the commune reaches its own goal, in words as well as colour.
    private static string Goal(decimal? value, bool? met, int goal) =>
        $"""<td class="{(met is null ? "" : met.Value ? "met" : "below")}">{Encode(Percent(value))}<span class="note"> {Encode(met is null ? "" : TextTemplate.Fill(met.Value ? CommunesTexts.GoalMet : CommunesTexts.GoalMissed, VietnamesePercent.Format(goal)))}</span></td>""";

    private static string Percent(decimal? value) => value is { } v ? VietnamesePercent.Format(v) : FiguresTexts.NoValue;

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static IResult Page(HttpContext http, EndpointDataSource endpoints, string content, int status = StatusCodes.Status200OK) =>
        StaffLayout.Page(http, new StaffPage(CommunesTexts.Title, WorkspacePage.Body(http, endpoints, content), []) { MenuSlug = Path }, status);

    // Only a path inside the workspace: the switcher never sends anyone elsewhere.
    [GeneratedRegex("^can-bo(/[a-z0-9-]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex WorkspacePath();

    // Communes with nothing to count ("chưa có") go last whichever way the table is sorted; names in Vietnamese order.
    private sealed class Order(bool nullsLargest) : IComparer<IComparable?>
    {
        private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

        public int Compare(IComparable? x, IComparable? y) =>
            x is null ? (y is null ? 0 : nullsLargest ? 1 : -1)
            : y is null ? (nullsLargest ? -1 : 1)
            : x is string a && y is string b ? Vietnamese.Compare(a, b)
            : x.CompareTo(y);
    }
}

/// <summary>The words of the communes page and the switcher.</summary>
public static class CommunesTexts
{
    public const string Title = "Các xã";
    public const string Heading = "Số liệu các xã";
    public const string CommuneColumn = "Xã";
    public const string OpenColumn = "Mở";
    public const string OpenButton = "Xem xã này";
    /// <summary>{0}: how many communes; {1}, {2}: the period's days.</summary>
    public const string Summary = "{0} xã, từ {1} đến {2}. Bấm tên cột để sắp xếp.";
    /// <summary>{0}: the goal.</summary>
    public const string GoalMet = "đạt mục tiêu {0}";
    /// <summary>{0}: the goal.</summary>
    public const string GoalMissed = "chưa đạt mục tiêu {0}";
    public const string SwitchLabel = "Đang xem xã";
    public const string SwitchButton = "Chuyển";
    public const string NoSuchCommune = "Không có xã này, hoặc anh/chị không làm việc cho xã này.";
}
