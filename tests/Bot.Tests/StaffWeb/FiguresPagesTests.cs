using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OneStopBot.Bot.StaffWeb.Figures;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Demo;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>The figures page over HTTP, on the demo data: the 2023 report, charts drawn on the server, Excel and bad periods.</summary>
public sealed class FiguresPagesTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public FiguresPagesTests() => factory.Services.GetRequiredService<DemoData>().Seed();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_2023_demo_year_shows_the_office_s_report_against_its_goals()
    {
        using var client = factory.CreateStaffClient();

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
    }

    [Fact]
    public async Task The_excel_copy_holds_the_same_figures()
    {
        using var client = factory.CreateStaffClient();

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
    }

    [Theory]
    [InlineData("from=2023-13-01&to=2023-12-31", "Ngày viết theo dạng yyyy-MM-dd")]
    [InlineData("from=2023-12-31&to=2023-01-01", "không được trước ngày")]
    [InlineData("from=2010-01-01&to=2023-01-01", "Khoảng thời gian dài nhất là")]
    [InlineData("from=0001-01-01&to=2023-01-01", "Ngày phải trong các năm")]
    public async Task A_wrong_period_is_told_politely_on_the_page(string query, string told)
    {
        using var client = factory.CreateStaffClient();

        var response = await client.GetAsync("/can-bo/so-lieu?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(told, page, StringComparison.Ordinal);
        Assert.Contains("<form class=\"period", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_period_the_page_shows_this_year()
    {
        using var client = factory.CreateStaffClient();

        var page = await client.GetStringAsync("/can-bo/so-lieu");

        Assert.Contains("value=\"2026-01-01\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-31\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">11/2026</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_needs_the_staff_key()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/can-bo/so-lieu")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/can-bo/so-lieu.xlsx")).StatusCode);
    }
}
