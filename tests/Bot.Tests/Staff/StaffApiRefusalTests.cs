using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>Requests the staff API refuses; none of them changes anything, so they share one host.</summary>
public sealed class StaffApiRefusalTests(StaffApiFactory factory) : IClassFixture<StaffApiFactory>
{
    private static object NewDossier(string procedureId = "khai-sinh", string phone = "0912345621", string village = "Thôn 2") =>
        new { procedureId, applicantName = "Hồ Thị Lan", phone, village, citizenId = (string?)null };

    [Theory]
    [InlineData("POST", "/api/staff/dossiers", null)]
    [InlineData("POST", "/api/staff/dossiers/import", null)]
    [InlineData("PATCH", "/api/staff/dossiers/261126-0001", null)]
    [InlineData("GET", "/api/staff/dossiers/261126-0001", null)]
    [InlineData("GET", "/api/staff/stats", null)]
    [InlineData("GET", "/api/staff/stats", "wrong-key")]
    public async Task Every_endpoint_answers_401_without_the_right_key(string method, string path, string? key)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
    [Theory]
    [InlineData("khong-co-thu-tuc", "0912345621", "Thôn 2", "procedureId", "Không có thủ tục này. Ví dụ: khai-sinh.")]
    [InlineData("khai-sinh", "12345", "Thôn 2", "phone", "Số điện thoại cần 10 số, bắt đầu bằng 0. Ví dụ: 0912345678.")]
    [InlineData("khai-sinh", "0912345621", "Thôn Không Có", "village", "Thôn không có trong danh sách: Thôn 1, Thôn 2, Thôn 3, Thôn 4, Thôn 5, Thôn 6.")]
    [InlineData("khai-sinh", "😀", "", "phone", "Số điện thoại cần 10 số, bắt đầu bằng 0. Ví dụ: 0912345678.")]
    public async Task Create_answers_400_naming_the_bad_field_in_vietnamese(string procedureId, string phone, string village, string field, string message)
    {
        using var client = factory.CreateStaffClient();
        var response = await client.PostAsJsonAsync("/api/staff/dossiers", NewDossier(procedureId, phone, village));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name {field}: {errors.ToJsonString()}");
        Assert.Equal([message], errors[field]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task A_refused_name_is_told_why()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.PostAsJsonAsync("/api/staff/dossiers", new { procedureId = "khai-sinh", applicantName = "Lan 2", phone = "0912345621", village = "Thôn 2" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["Họ tên không có chữ số. Anh/chị gõ lại họ tên, ví dụ: Hồ Thị Lan."], errors["applicantName"]!.AsArray().Select(m => (string?)m));
    }
    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    public async Task Create_answers_400_to_a_body_that_is_not_a_dossier(string body)
    {
        using var client = factory.CreateStaffClient();
        var response = await client.PostAsync("/api/staff/dossiers", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
    [Fact]
    public async Task Import_refuses_a_body_that_is_not_csv()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.PostAsync("/api/staff/dossiers/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
    [Theory]
    [InlineData("?from=1/11/2026", "from")]
    [InlineData("?from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("?to=2026-13-01", "to")]
    [InlineData("?from=2000-01-01&to=2026-11-30", "to")]
    public async Task Stats_answer_400_naming_the_bad_date(string query, string field)
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync("/api/staff/stats" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey(field));
    }
}
