using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>
/// The staff API in a deployment of two communes: the province's key names the commune with <c>?commune=</c> (or a
/// dossier's code names it), the figures without one are every commune side by side, and each request acts for the
/// commune it named.
/// </summary>
public sealed class StaffCommuneApiTests : IDisposable
{
    private readonly CommunesFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Figures_without_a_commune_show_every_commune_side_by_side_against_its_own_goals()
    {
        using var client = factory.CreateStaffClient();

        var response = await client.GetAsync("/api/staff/stats?from=2026-11-01&to=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var communes = body["communes"]!.AsArray();
        Assert.Equal([CommunesFactory.A, CommunesFactory.B], communes.Select(c => (string?)c!["commune"]));
        Assert.Equal([CommunesFactory.AName, CommunesFactory.BName], communes.Select(c => (string?)c!["communeName"]));
        Assert.Equal([65, 70], communes.Select(c => (int)c!["figures"]!["onlineGoalPercent"]!));
        Assert.Equal([90, 90], communes.Select(c => (int)c!["figures"]!["satisfactionGoalPercent"]!));
        Assert.Equal("2026-11-01", (string?)body["from"]);
        // Each commune's figures were read with that commune entered, and its audit log says the province read them.
        Assert.Equal([CommunesFactory.A, CommunesFactory.B], factory.CommunesOf("stats.view"));
    }

    [Theory]
    [InlineData(CommunesFactory.A, 65)]
    [InlineData(CommunesFactory.B, 70)]
    public async Task Figures_of_one_commune_are_read_inside_it(string commune, int onlineGoal)
    {
        using var client = factory.CreateStaffClient();

        var response = await client.GetAsync($"/api/staff/stats?commune={commune}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(body["communes"]);
        Assert.Equal(onlineGoal, (int)body["onlineGoalPercent"]!);
        Assert.Equal([commune], factory.CommunesOf("stats.view"));
    }

    [Theory]
    [InlineData("GET", "/api/staff/stats?commune=khong-co")]
    [InlineData("GET", "/api/staff/questions?commune=khong-co")]
    [InlineData("GET", "/api/staff/dossiers/261126-0001?commune=khong-co")]
    [InlineData("POST", "/api/staff/dossiers/import?commune=PHUOC-DUC")]
    [InlineData("GET", "/api/staff/stats?commune=")]
    public async Task An_unknown_commune_is_a_404_problem_in_vietnamese(string method, string path)
    {
        using var client = factory.CreateStaffClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Không có xã này", (string?)problem["title"]);
        Assert.Empty(factory.Audited);
    }

    [Theory]
    [InlineData("GET", "/api/staff/questions")]
    [InlineData("POST", "/api/staff/dossiers/import")]
    [InlineData("GET", "/api/staff/dossiers/261126-0001")]
    [InlineData("POST", "/api/staff/backup")]
    public async Task A_reader_of_records_that_names_no_commune_is_asked_for_one(string method, string path)
    {
        using var client = factory.CreateStaffClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Cần cho biết xã", (string?)problem["title"]);
        Assert.Contains($"({CommunesFactory.A}, {CommunesFactory.B})", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommunesFactory.A)]
    [InlineData(CommunesFactory.B)]
    public async Task Questions_of_a_named_commune_are_read_inside_it(string commune)
    {
        using var client = factory.CreateStaffClient();

        var response = await client.GetAsync($"/api/staff/questions?commune={commune}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_dossier_must_say_whose_it_is()
    {
        using var client = factory.CreateStaffClient();

        var response = await client.PostAsJsonAsync("/api/staff/dossiers", new { procedureId = "khai-sinh", applicantName = "Hồ Thị Lan", phone = "0912345621", village = "Thôn 2" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal([$"Hệ thống phục vụ nhiều xã: thêm ?commune= với mã một xã ({CommunesFactory.A}, {CommunesFactory.B})."], errors["commune"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task A_new_dossier_of_an_unknown_commune_is_a_404_problem()
    {
        using var client = factory.CreateStaffClient();

        var response = await client.PostAsJsonAsync("/api/staff/dossiers", new { procedureId = "khai-sinh", applicantName = "Hồ Thị Lan", phone = "0912345621", village = "Thôn 2", commune = "khong-co" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Không có xã nào mã 'khong-co'.", (string?)problem["detail"]);
    }
}
