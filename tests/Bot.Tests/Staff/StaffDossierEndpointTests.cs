using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Tests.Staff;

public sealed class StaffDossierEndpointTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static readonly object NewDossier =
        new { procedureId = "khai-sinh", applicantName = "Hồ Thị Lan", phone = "0912345621", village = "Thôn 2", citizenId = (string?)null };

    private async Task<JsonNode> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/staff/dossiers", NewDossier);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Create_answers_201_with_the_code_and_no_personal_numbers_unmasked()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.PostAsJsonAsync("/api/staff/dossiers", new
        {
            procedureId = "khai-sinh", applicantName = "Hồ Thị Lan", phone = "0912 345 621", village = "thôn 2", citizenId = "001234567889",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!;
        Assert.Equal("000.32.30.H49-261126-0001", (string?)json["code"]);
        Assert.Equal("/api/staff/dossiers/000.32.30.H49-261126-0001", response.Headers.Location?.OriginalString);
        Assert.Equal("received", (string?)json["status"]);
        Assert.Equal("inPerson", (string?)json["submission"]);
        Assert.Equal("Thôn 2", (string?)json["village"]);
        Assert.Equal("09******21", (string?)json["maskedPhone"]);
        Assert.Equal("2026-11-26", (string?)json["dueDate"]);
        Assert.DoesNotContain("0912345621", body, StringComparison.Ordinal);
        Assert.DoesNotContain("001234567889", body, StringComparison.Ordinal);

        var audit = factory.Services.GetRequiredService<StaffAuditLog>().ForTarget("000.32.30.H49-261126-0001");
        Assert.Contains(audit, a => a.Action == "dossier.create" && a.Staff == "api");
    }

    [Fact]
    public async Task Import_reports_a_bad_row_and_imports_the_good_ones()
    {
        const string csv = """
            code,procedure,name,phone,village,status,received date
            000.32.30.H49-261120-0003,khai-tu,Alăng Văn Hùng,0912000001,Thôn 5,inProgress,20/11/2026
            261120-0004,chung-thuc-ban-sao,Bríu Thị Mai,0912000002,Thôn 6,received,20/11/2026
            261120-0005,khai-tu,Zơrâm Thị Nga,123,Thôn 5,received,20/11/2026
            """;
        using var client = factory.CreateStaffClient();
        var response = await client.PostAsync("/api/staff/dossiers/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)report["imported"]!);
        Assert.Equal(1, (int)report["rejected"]!);
        var rejected = report["rows"]!.AsArray().Single(r => !(bool)r!["imported"]!)!;
        Assert.Equal(4, (int)rejected["line"]!);
        Assert.Contains("Số điện thoại", (string?)rejected["reason"], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/dossiers/261120-0004")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/staff/dossiers/261120-0005")).StatusCode);
    }

    [Fact]
    public async Task Patch_changes_the_status_keeps_the_history_and_tells_the_observers()
    {
        using var client = factory.CreateStaffClient();
        var code = (string)(await CreateAsync(client))["code"]!;
        factory.Time.Advance(TimeSpan.FromHours(2));

        var response = await client.PatchAsJsonAsync($"/api/staff/dossiers/{code}", new { status = "resultReady", note = "Mời anh/chị đến nhận." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("resultReady", (string?)json["status"]);
        var history = json["history"]!.AsArray();
        Assert.Equal(["received", "resultReady"], history.Select(h => (string?)h!["status"]));
        Assert.Equal("api", (string?)history[1]!["actor"]);
        Assert.Equal("Mời anh/chị đến nhận.", (string?)history[1]!["note"]);

        var (dossier, change) = Assert.Single(factory.Observer.Seen);
        Assert.Equal(code, dossier.Code);
        Assert.Equal(DossierStatus.ResultReady, change.Status);
        Assert.Equal(factory.Time.GetUtcNow(), change.At);

        var audit = factory.Services.GetRequiredService<StaffAuditLog>().ForTarget(code);
        Assert.Contains(audit, a => a.Action == "dossier.status" && a.Staff == "api");
    }

    [Theory]
    [InlineData("261126-0001", "{\"status\":\"done\"}", HttpStatusCode.BadRequest)]
    [InlineData("261126-0001", "{\"note\":\"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("261126-0099", "{\"status\":\"resultReady\"}", HttpStatusCode.NotFound)]
    [InlineData("not-a-code", "{\"status\":\"resultReady\"}", HttpStatusCode.NotFound)]
    public async Task Patch_answers_400_to_a_bad_status_and_404_to_an_unknown_code(string code, string body, HttpStatusCode expected)
    {
        using var client = factory.CreateStaffClient();
        await CreateAsync(client);

        var response = await client.PatchAsync($"/api/staff/dossiers/{code}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(factory.Observer.Seen);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey("status"));
        }
    }

    [Fact]
    public async Task A_note_too_long_is_refused_naming_the_field()
    {
        using var client = factory.CreateStaffClient();
        var code = (string)(await CreateAsync(client))["code"]!;

        var response = await client.PatchAsJsonAsync($"/api/staff/dossiers/{code}", new { status = "inProgress", note = new string('a', 5000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("Ghi chú tối đa 1.000 ký tự.", (string?)Assert.Single(errors["note"]!.AsArray()));
    }

    [Fact]
    public async Task Get_finds_a_dossier_by_its_code_as_typed()
    {
        using var client = factory.CreateStaffClient();
        await CreateAsync(client);

        var response = await client.GetAsync("/api/staff/dossiers/000.32.30.h49-261126-0001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("000.32.30.H49-261126-0001", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task Stats_count_the_stored_dossiers_with_vietnamese_percentages()
    {
        using var client = factory.CreateStaffClient();
        var first = (string)(await CreateAsync(client))["code"]!;
        await CreateAsync(client);
        await CreateAsync(client);
        await client.PatchAsJsonAsync($"/api/staff/dossiers/{first}", new { status = "resultReady" });

        var response = await client.GetAsync("/api/staff/stats?from=2026-11-01&to=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, (int)json["received"]!);
        Assert.Equal(0, (int)json["online"]!);
        Assert.Equal("0%", (string?)json["onlinePercent"]);
        Assert.Equal(1, (int)json["resolved"]!);
        Assert.Equal("100%", (string?)json["onTimePercent"]);
        Assert.Equal(2, (int)json["inProgress"]!);
        Assert.Null((string?)json["satisfactionPercent"]);
        Assert.Equal(
            [
                "Từ 01/11/2026 đến 30/11/2026:", "Tiếp nhận: 3 hồ sơ, trực tuyến 0 (0%).", "Đã giải quyết: 1 hồ sơ, đúng hạn 1 (100%).", "Đang giải quyết: 2 hồ sơ, quá hạn 0.",
                "Mục tiêu trực tuyến 65%: chưa đạt.", "Mục tiêu hài lòng 90%: chưa có lượt đánh giá.",
            ],
            json["lines"]!.AsArray().Select(line => (string?)line));
    }

    [Fact]
    public async Task Stats_of_the_seeded_published_year_give_the_report_counts_and_the_share_of_the_records()
    {
        await factory.Services.GetRequiredService<OneStopBot.Office.Demo.DemoData>().SeedAsync();
        using var client = factory.CreateStaffClient();

        var json = JsonNode.Parse(await client.GetStringAsync("/api/staff/stats?from=2023-01-01&to=2023-12-31"))!;

        Assert.Equal(227, (int)json["received"]!);
        Assert.Equal(227, (int)json["resolved"]!);
        Assert.Equal(213, (int)json["online"]!);
        Assert.Equal("93,83%", (string?)json["onlinePercent"]);
    }

    [Fact]
    public async Task Stats_read_the_period_against_the_office_goals_for_online_filing_and_satisfaction()
    {
        await factory.Services.GetRequiredService<OneStopBot.Office.Demo.DemoData>().SeedAsync();
        using var client = factory.CreateStaffClient();

        var published = JsonNode.Parse(await client.GetStringAsync("/api/staff/stats?from=2023-01-01&to=2023-12-31"))!;
        var empty = JsonNode.Parse(await client.GetStringAsync("/api/staff/stats?from=2022-01-01&to=2022-01-31"))!;

        Assert.Equal((65, true, 90), ((int)published["onlineGoalPercent"]!, (bool?)published["onlineGoalMet"], (int)published["satisfactionGoalPercent"]!));
        Assert.Contains("Mục tiêu trực tuyến 65%: đạt.", published["lines"]!.AsArray().Select(line => (string?)line));
        Assert.Null((bool?)empty["onlineGoalMet"]);
        Assert.Null((bool?)empty["satisfactionGoalMet"]);
        Assert.Equal(["Mục tiêu trực tuyến 65%: chưa có hồ sơ để tính.", "Mục tiêu hài lòng 90%: chưa có lượt đánh giá."], empty["lines"]!.AsArray().Select(line => (string?)line).TakeLast(2));
    }

    [Fact]
    public async Task Stats_without_dates_cover_this_month()
    {
        using var client = factory.CreateStaffClient();
        var json = await client.GetFromJsonAsync<JsonElement>("/api/staff/stats");
        Assert.Equal("2026-11-01", json.GetProperty("from").GetString());
        Assert.Equal("2026-11-30", json.GetProperty("to").GetString());
    }
}
