using System.Globalization;
using System.Text;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.WebChat;
using OneStopBot.Knowledge.Procedures;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// The main element of the workspace's report pages (sync, figures): their style sheet, a short menu between them,
/// and links that work at any depth under <c>/can-bo</c> and under a reverse proxy's path.
/// </summary>
public static class WorkspacePage
{
    /// <summary>The style sheet of tables, charts and print.</summary>
    public const string StyleSheet = "can-bo/reports.css";

    /// <summary>A link to <paramref name="target"/> under <c>/can-bo/</c> (e.g. <c>so-lieu</c>), relative to the page asked for.</summary>
    public static string Link(HttpContext http, string target) => StaffPages.Root(http) + "can-bo/" + target;

    /// <summary>A procedure's simple name, or its id when the catalogue no longer has it.</summary>
    public static string ProcedureName(ProcedureCatalog catalog, string? id) => id is null ? "" : catalog.Find(id)?.SimpleName ?? id;

    /// <summary>A table of text cells (encoded here), in a box that scrolls sideways on a phone; the first cell of each row heads it when <paramref name="rowHeaders"/>.</summary>
    public static string Table(IReadOnlyList<string> columns, IEnumerable<string[]> rows, bool rowHeaders = false)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table><thead><tr>");
        foreach (var column in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{Encode(column)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(i == 0 && rowHeaders ? $"<th scope=\"row\">{Encode(row[i])}</th>" : $"<td>{Encode(row[i])}</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    public static string Body(HttpContext http, EndpointDataSource endpoints, string content)
    {
        var sheet = WebChatPage.HashedNames(endpoints).GetValueOrDefault(StyleSheet, StyleSheet);
        var up = StaffPages.Root(http);
        return $$"""
            <link rel="stylesheet" href="{{Encode(up + sheet)}}">
            <main class="staff-main report">
            <nav class="report-nav" aria-label="{{WorkspacePageTexts.Menu}}">
            <a href="{{Link(http, "dong-bo")}}">{{WorkspacePageTexts.Sync}}</a>
            <a href="{{Link(http, "dong-bo/doi-chieu")}}">{{WorkspacePageTexts.Reconcile}}</a>
            <a href="{{Link(http, "so-lieu")}}">{{WorkspacePageTexts.Figures}}</a>
            </nav>
            {{content}}
            </main>
            """;
    }
}

/// <summary>The words of the report pages' menu.</summary>
public static class WorkspacePageTexts
{
    public const string Menu = "Các trang";
    public const string Sync = "Đồng bộ";
    public const string Reconcile = "Đối chiếu";
    public const string Figures = "Số liệu";
}
