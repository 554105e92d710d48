using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Figures;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The figures page over HTTP, signed in to the workspace, on the demo data: the 2023 report, charts drawn on the
/// server, Excel and bad periods; each view audited with the member.
/// </summary>
public sealed class FiguresPagesTests : IAsyncLifetime
{
    private readonly WorkspaceFactory factory = new();

    // The office's other systems have a staff key here, so that a test can show it no longer opens the workspace.
    private const string ApiKey = "cle-cua-he-thong-khac";

    public FiguresPagesTests()
    {
        factory.Settings["Staff:ApiKey"] = ApiKey;
    }

    public async Task InitializeAsync() => await factory.Get<DemoData>().SeedAsync();

    private Task<Workspace> SignedInAsync() => factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_2023_demo_year_shows_the_office_s_report_against_its_goals()
    {
        using var clerk = await SignedInAsync();
        var client = clerk.Client;

        var response = await client.GetAsync("/can-bo/so-lieu?from=2023-01-01&to=2023-12-31");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<span class=\"label\">Tiếp nhận</span><span class=\"value\">227</span>", page);
        Assert.Matches("<span class=\"label\">Đã giải quyết</span><span class=\"value\">227</span>", page);
        Assert.Matches("card met\"><span class=\"label\">Trực tuyến</span><span class=\"value\">93,83%</span><span class=\"note\">213 hồ sơ", page);
        Assert.Contains("card below\"><span class=\"label\">Đồng bộ với tỉnh</span><span class=\"value\">0%", page, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(page, "<svg class=\"chart\""));
        Assert.Contains("class=\"goal\"", page, StringComparison.Ordinal);
        // Twelve months in the table and a row per procedure and village.
        Assert.Contains("<th scope=\"row\">12/2023</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Làm giấy khai sinh cho con</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Thôn 1</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.True(page.Length < 200 * 1024, $"The page is {page.Length} characters.");
        Assert.Contains(factory.Get<StaffAuditLog>().Recent(10), a => a.Action == "figures.view" && a.Staff == WorkspaceFactory.ClerkName);
    }

    [Fact]
    public async Task The_excel_copy_holds_the_same_figures()
    {
        using var clerk = await SignedInAsync();
        var client = clerk.Client;

        var response = await client.GetAsync("/can-bo/so-lieu.xlsx?from=2023-01-01&to=2023-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("so-lieu-20230101-20231231.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([FiguresTexts.SummarySheet, FiguresTexts.MonthSheet, FiguresTexts.ProcedureSheet, FiguresTexts.VillageSheet], workbook.GetSheetNames());
        var summary = workbook.Query(useHeaderRow: false, sheetName: FiguresTexts.SummarySheet).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["A"], r => r["B"]?.ToString());
        Assert.Equal(("227", "227", "93,83%"), (summary[FiguresTexts.Received], summary[FiguresTexts.Resolved], summary[FiguresTexts.Online]));
        var months = workbook.Query(useHeaderRow: true, sheetName: FiguresTexts.MonthSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(227, months.Sum(m => Convert.ToInt32(m[FiguresTexts.Received], System.Globalization.CultureInfo.InvariantCulture)));
        var procedures = workbook.Query(useHeaderRow: true, sheetName: FiguresTexts.ProcedureSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(213, procedures.Sum(p => Convert.ToInt32(p["Trực tuyến (hồ sơ)"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(factory.Get<StaffAuditLog>().Recent(10), a => a.Action == "figures.export" && a.Staff == WorkspaceFactory.ClerkName);
    }

    [Theory]
    [InlineData("from=2023-13-01&to=2023-12-31", "Ngày viết theo dạng yyyy-MM-dd")]
    [InlineData("from=2023-12-31&to=2023-01-01", "không được trước ngày")]
    [InlineData("from=2010-01-01&to=2023-01-01", "Khoảng thời gian dài nhất là")]
    [InlineData("from=0001-01-01&to=2023-01-01", "Ngày phải trong các năm")]
    public async Task A_wrong_period_is_told_politely_on_the_page(string query, string told)
    {
        using var clerk = await SignedInAsync();
        var client = clerk.Client;

        var response = await client.GetAsync("/can-bo/so-lieu?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(told, page, StringComparison.Ordinal);
        Assert.Contains("<form class=\"period", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_period_the_page_shows_this_year()
    {
        using var clerk = await SignedInAsync();
        var client = clerk.Client;

        var page = await client.GetStringAsync("/can-bo/so-lieu");

        Assert.Contains("value=\"2026-01-01\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-31\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">11/2026</th>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/can-bo/so-lieu")]
    [InlineData("/can-bo/so-lieu.xlsx")]
    public async Task Without_a_session_the_page_asks_to_sign_in_and_shows_nothing(string path)
    {
        using var browser = factory.Browser();

        using var response = await browser.Client.GetAsync(path + "?from=2023-01-01&to=2023-12-31");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith(StaffSignInPage.Path.TrimStart('/'), response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("227", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Get<StaffAuditLog>().Recent(10), a => a.Action.StartsWith("figures.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_staff_key_of_the_office_s_other_systems_does_not_open_the_page()
    {
        using var browser = factory.Browser();
        browser.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        using var response = await browser.Client.GetAsync("/can-bo/so-lieu");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
