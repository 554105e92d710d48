using System.Globalization;
using System.Text;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.WebChat;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Statistics;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb.Figures;

/// <summary>
/// "Số liệu": the office's figures for a period (<c>?from=2023-01-01&amp;to=2023-12-31</c>, this year by default),
/// month by month as charts against the office's goals, per procedure and per village; printable, and as an Excel file
/// (<c>so-lieu.xlsx</c> with the same query). The numbers are those of <c>/thongke</c> and the staff API.
/// </summary>
public static class FiguresPages
{
    public const string Path = "so-lieu";
    public const string ExportPath = "so-lieu.xlsx";

    public static RouteGroupBuilder MapFiguresPages(this RouteGroupBuilder group)
    {
        group.MapGet(Path, ShowAsync);
        group.MapGet(ExportPath, ExportAsync);
        return group;
    }

    internal static async Task<IResult> ShowAsync(
        HttpContext http, string? from, string? to, FiguresReports reports, WorkingCalendar calendar, ProcedureCatalog catalog,
        IStaffAuditLog audit, EndpointDataSource endpoints)
    {
        var (start, end, errors) = Period(from, to, calendar);
        var form = PeriodForm(http, start, end, calendar, errors);
        if (errors.Count > 0)
        {
            return Page(http, endpoints, form, StatusCodes.Status400BadRequest);
        }
        var report = await reports.ComputeAsync(start, end, http.RequestAborted);
        audit.Record(http.User.StaffName(), "figures.view", details: $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}");
        var html = new StringBuilder(form);
        html.Append(Headline(report));
        html.Append(Charts(report));
        html.Append(MonthTable(report));
        html.Append(GroupTable(FiguresTexts.ByProcedureHeading, FiguresTexts.ProcedureColumn, report.ByProcedure, key => WorkspacePage.ProcedureName(catalog, key)));
        html.Append(GroupTable(FiguresTexts.ByVillageHeading, FiguresTexts.VillageColumn, report.ByVillage, key => key));
        return Page(http, endpoints, html.ToString());
    }

    internal static async Task<IResult> ExportAsync(HttpContext http, string? from, string? to, FiguresReports reports, WorkingCalendar calendar, ProcedureCatalog catalog, IStaffAuditLog audit)
    {
        var (start, end, errors) = Period(from, to, calendar);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var report = await reports.ComputeAsync(start, end, http.RequestAborted);
        audit.Record(http.User.StaffName(), "figures.export", details: $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}");
        var p = report.Period;
        Sheet Groups(string name, string column, IReadOnlyList<GroupStatistics> groups, Func<string, string> label) =>
            new(name, [column, .. FiguresTexts.GroupColumns], groups.Select(g => (IReadOnlyList<object?>)
                [label(g.Key), g.Received, g.Online, Percent(g.OnlinePercent), g.Resolved, g.ResolvedOnTime, Percent(g.OnTimePercent)]));
        return SpreadsheetFile.Download(http,
        [
            new Sheet(FiguresTexts.SummarySheet, FiguresTexts.SummaryColumns,
            [
                [FiguresTexts.PeriodLabel, $"{Day(p.From)} – {Day(p.To)}", ""],
                [FiguresTexts.Received, p.Received, ""],
                [FiguresTexts.Resolved, p.Resolved, ""],
                [FiguresTexts.OnTime, Percent(p.OnTimePercent), ""],
                [FiguresTexts.Online, Percent(p.OnlinePercent), Goal(report.Goals.OnlinePercent)],
                [FiguresTexts.Satisfied, Percent(p.SatisfactionPercent), Goal(report.Goals.SatisfactionPercent)],
                [FiguresTexts.Synchronised, Percent(report.Synchronised.Percent), Goal(OfficeGoals.SynchronisedPercent)],
            ]),
            new Sheet(FiguresTexts.MonthSheet, FiguresTexts.MonthColumns, report.Months.Select(m => (IReadOnlyList<object?>)
            [
                MonthLabel(m.Month), m.Figures.Received, m.Figures.Resolved, Percent(m.Figures.OnTimePercent), Percent(m.Figures.OnlinePercent),
                Percent(m.Figures.SatisfactionPercent), Percent(m.Synchronised.Percent),
            ])),
            Groups(FiguresTexts.ProcedureSheet, FiguresTexts.ProcedureColumn, report.ByProcedure, key => WorkspacePage.ProcedureName(catalog, key)),
            Groups(FiguresTexts.VillageSheet, FiguresTexts.VillageColumn, report.ByVillage, key => key),
        ], $"so-lieu-{start:yyyyMMdd}-{end:yyyyMMdd}.xlsx");
    }

    // This year up to its last day by default: the office reports by year.
    internal static (DateOnly From, DateOnly To, Dictionary<string, string[]> Errors) Period(string? from, string? to, WorkingCalendar calendar)
    {
        var today = calendar.Today;
        return StaffDossierEndpoints.ReadPeriod(from, to, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
    }

    private static string PeriodForm(HttpContext http, DateOnly start, DateOnly end, WorkingCalendar calendar, Dictionary<string, string[]> errors)
    {
        var year = calendar.Today.Year;
        string Quick(int y) => $"""<a href="{WorkspacePage.Link(http, Path)}?from={y}-01-01&amp;to={y}-12-31">{TextTemplate.Fill(FiguresTexts.Year, y)}</a>""";
        return $$"""
            {{PeriodChoice(http, Path, FiguresTexts.Heading, start, end, errors)}}
            <p class="no-print quick">{{Quick(year)}} {{Quick(year - 1)}} {{Quick(year - 2)}} {{Quick(year - 3)}}
            <a href="{{WorkspacePage.Link(http, ExportPath)}}?from={{start:yyyy-MM-dd}}&amp;to={{end:yyyy-MM-dd}}" download>{{FiguresTexts.ExportButton}}</a>
            <button type="button" class="print" onclick="window.print()">{{FiguresTexts.PrintButton}}</button></p>
            <p class="print-only">{{Encode(TextTemplate.Fill(FiguresTexts.PeriodLine, Day(start), Day(end)))}}</p>
            """;
    }

    /// <summary>The page's heading and the form that asks for another period of the page at <paramref name="path"/>, with what was wrong.</summary>
    internal static string PeriodChoice(HttpContext http, string path, string heading, DateOnly start, DateOnly end, Dictionary<string, string[]> errors)
    {
        var problems = string.Concat(errors.Values.SelectMany(v => v).Select(e => $"""<p class="error" role="alert">{Encode(e)}</p>"""));
        return $$"""
            <h2>{{heading}}</h2>
            <form class="period no-print" method="get" action="{{WorkspacePage.Link(http, path)}}">
            <label for="from">{{FiguresTexts.FromLabel}}</label>
            <input id="from" name="from" type="date" value="{{start:yyyy-MM-dd}}" required>
            <label for="to">{{FiguresTexts.ToLabel}}</label>
            <input id="to" name="to" type="date" value="{{end:yyyy-MM-dd}}" required>
            <button type="submit" class="action">{{FiguresTexts.ShowButton}}</button>
            </form>
            {{problems}}
            """;
    }

    private static string Headline(FiguresReport report)
    {
        var p = report.Period;
        string Card(string label, string value, string? note, bool? met) =>
            $"""<div class="card{(met is null ? "" : met.Value ? " met" : " below")}"><span class="label">{Encode(label)}</span><span class="value">{Encode(value)}</span>{(note is null ? "" : $"<span class=\"note\">{Encode(note)}</span>")}</div>""";
        bool? Met(decimal? value, decimal goal) => value is { } v ? v >= goal : null;
        return "<section class=\"cards\" aria-label=\"" + FiguresTexts.SummaryHeading + "\">"
            + Card(FiguresTexts.Received, Number(p.Received), null, null)
            + Card(FiguresTexts.Resolved, Number(p.Resolved), TextTemplate.Fill(FiguresTexts.OnTimeNote, Percent(p.OnTimePercent)), null)
            + Card(FiguresTexts.Online, Percent(p.OnlinePercent), TextTemplate.Fill(FiguresTexts.OnlineNote, Number(p.Online), Goal(report.Goals.OnlinePercent)), Met(p.OnlinePercent, report.Goals.OnlinePercent))
            + Card(FiguresTexts.Satisfied, Percent(p.SatisfactionPercent), p.Satisfaction is { } s ? TextTemplate.Fill(FiguresTexts.SatisfiedNote, Number(s.Satisfied), Number(s.Total), Goal(report.Goals.SatisfactionPercent)) : TextTemplate.Fill(FiguresTexts.NoRatings, Goal(report.Goals.SatisfactionPercent)), Met(p.SatisfactionPercent, report.Goals.SatisfactionPercent))
            + Card(FiguresTexts.Synchronised, Percent(report.Synchronised.Percent), TextTemplate.Fill(FiguresTexts.SynchronisedNote, Number(report.Synchronised.Synchronised), Number(report.Synchronised.Results), Goal(OfficeGoals.SynchronisedPercent)), Met(report.Synchronised.Percent, OfficeGoals.SynchronisedPercent))
            + "</section>";
    }

    private static string Charts(FiguresReport report)
    {
        var months = report.Months;
        ChartPoint Point(MonthFigures m, params decimal?[] values) => new(ShortMonth(m.Month, months), values);
        return "<section class=\"charts\">"
            + SvgCharts.Bars(FiguresTexts.CountsChart, months.Select(m => Point(m, m.Figures.Received, m.Figures.Resolved)).ToList(), [FiguresTexts.Received, FiguresTexts.Resolved])
            + SvgCharts.Percentages(FiguresTexts.OnlineChart, months.Select(m => Point(m, m.Figures.OnlinePercent)).ToList(), report.Goals.OnlinePercent, Goal(report.Goals.OnlinePercent))
            + SvgCharts.Percentages(FiguresTexts.SatisfiedChart, months.Select(m => Point(m, m.Figures.SatisfactionPercent)).ToList(), report.Goals.SatisfactionPercent, Goal(report.Goals.SatisfactionPercent))
            + SvgCharts.Percentages(FiguresTexts.SynchronisedChart, months.Select(m => Point(m, m.Synchronised.Percent)).ToList(), OfficeGoals.SynchronisedPercent, Goal(OfficeGoals.SynchronisedPercent))
            + "</section>";
    }

    private static string MonthTable(FiguresReport report) =>
        Table(FiguresTexts.MonthHeading, FiguresTexts.MonthColumns, report.Months.Select(m => new[]
        {
            MonthLabel(m.Month), Number(m.Figures.Received), Number(m.Figures.Resolved), Percent(m.Figures.OnTimePercent),
            Percent(m.Figures.OnlinePercent), Percent(m.Figures.SatisfactionPercent), Percent(m.Synchronised.Percent),
        }));

    private static string GroupTable(string heading, string column, IReadOnlyList<GroupStatistics> groups, Func<string, string> label) =>
        groups.Count == 0
            ? $"""<section class="list"><h3>{Encode(heading)}</h3><p class="hint">{FiguresTexts.NoDossiers}</p></section>"""
            : Table(heading, [column, .. FiguresTexts.GroupColumns], groups.Select(g => new[]
            {
                label(g.Key), Number(g.Received), Number(g.Online), Percent(g.OnlinePercent), Number(g.Resolved), Number(g.ResolvedOnTime), Percent(g.OnTimePercent),
            }));

    private static string Table(string heading, IReadOnlyList<string> columns, IEnumerable<string[]> rows) =>
        $"""<section class="list"><h3>{Encode(heading)}</h3>{WorkspacePage.Table(columns, rows, rowHeaders: true)}</section>""";


    private static string Percent(decimal? value) => value is { } v ? VietnamesePercent.Format(v) : FiguresTexts.NoValue;

    private static string Goal(decimal goal) =>
        TextTemplate.Fill(goal >= 100 ? FiguresTexts.WholeGoalLabel : FiguresTexts.GoalLabel, VietnamesePercent.Format(goal));

    private static string Number(int value) => VietnameseNumber.Of(value);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string MonthLabel(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    // "T1" within one year; "1/23" when the period spans years.
    private static string ShortMonth(DateOnly month, IReadOnlyList<MonthFigures> months) =>
        months[0].Month.Year == months[^1].Month.Year
            ? "T" + month.Month.ToString(CultureInfo.InvariantCulture)
            : month.ToString("M/yy", CultureInfo.InvariantCulture);


    private static IResult Page(HttpContext http, EndpointDataSource endpoints, string content, int status = StatusCodes.Status200OK) =>
        StaffLayout.Page(http, new StaffPage(FiguresTexts.Title, WorkspacePage.Body(http, endpoints, content), []) { MenuSlug = "so-lieu" }, status);
}

/// <summary>The words of the figures page.</summary>
public static class FiguresTexts
{
    public const string Title = "Số liệu";
    public const string Heading = "Số liệu so với mục tiêu của bộ phận một cửa";
    public const string FromLabel = "Từ ngày";
    public const string ToLabel = "Đến ngày";
    public const string ShowButton = "Xem";
    /// <summary>{0}: the year.</summary>
    public const string Year = "Năm {0}";
    public const string ExportButton = "Tải về tệp Excel";
    public const string PrintButton = "In trang này";
    /// <summary>{0}, {1}: the period's days.</summary>
    public const string PeriodLine = "Từ {0} đến {1}";
    public const string PeriodLabel = "Khoảng thời gian";
    public const string SummaryHeading = "Tổng hợp";
    public const string Received = "Tiếp nhận";
    public const string Resolved = "Đã giải quyết";
    public const string OnTime = "Đúng hạn";
    public const string Online = "Trực tuyến";
    public const string Satisfied = "Hài lòng";
    public const string Synchronised = "Đồng bộ với tỉnh";
    /// <summary>{0}: the on-time share.</summary>
    public const string OnTimeNote = "đúng hạn {0}";
    /// <summary>{0}: dossiers online; {1}: the goal.</summary>
    public const string OnlineNote = "{0} hồ sơ · {1}";
    /// <summary>{0} satisfied of {1} ratings; {2}: the goal.</summary>
    public const string SatisfiedNote = "{0}/{1} lượt đánh giá · {2}";
    /// <summary>{0}: the goal.</summary>
    public const string NoRatings = "chưa có lượt đánh giá · {0}";
    /// <summary>{0} synchronised of {1} results; {2}: the goal.</summary>
    public const string SynchronisedNote = "{0}/{1} kết quả · {2}";
    /// <summary>{0}: the goal's percentage.</summary>
    public const string GoalLabel = "mục tiêu ≥ {0}";
    /// <summary>{0}: 100%.</summary>
    public const string WholeGoalLabel = "mục tiêu {0}";
    public const string NoValue = "chưa có";
    public const string CountsChart = "Hồ sơ tiếp nhận và đã giải quyết theo tháng";
    public const string OnlineChart = "Tỷ lệ trực tuyến theo tháng";
    public const string SatisfiedChart = "Tỷ lệ hài lòng theo tháng";
    public const string SynchronisedChart = "Tỷ lệ kết quả đồng bộ với tỉnh theo tháng";
    public const string MonthHeading = "Theo tháng";
    public const string ByProcedureHeading = "Theo thủ tục";
    public const string ByVillageHeading = "Theo thôn";
    public const string ProcedureColumn = "Thủ tục";
    public const string VillageColumn = "Thôn";
    public const string NoDossiers = "Không có hồ sơ trong khoảng thời gian này.";
    public static readonly IReadOnlyList<string> MonthColumns = ["Tháng", Received, Resolved, OnTime, Online, Satisfied, Synchronised];
    public static readonly IReadOnlyList<string> GroupColumns = [Received, "Trực tuyến (hồ sơ)", Online, Resolved, "Đúng hạn (hồ sơ)", OnTime];
    public static readonly IReadOnlyList<string> SummaryColumns = ["Chỉ tiêu", "Kết quả", "Mục tiêu"];
    public const string SummarySheet = "Tổng hợp";
    public const string MonthSheet = "Theo tháng";
    public const string ProcedureSheet = "Theo thủ tục";
    public const string VillageSheet = "Theo thôn";
}
