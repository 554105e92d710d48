using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Staff;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>
/// The office's status rules through the staff API: refused changes are a 400 that says why, in Vietnamese. Each case
/// files a dossier of its own, so the cases share one host.
/// </summary>
public sealed class StatusRulesOverHttpTests(StaffApiFactory factory) : IClassFixture<StaffApiFactory>
{

    private async Task<string> CreateAsync(HttpClient client, string procedureId)
    {
        var response = await client.PostAsJsonAsync("/api/staff/dossiers",
            new { procedureId, applicantName = "Hồ Thị Lan", phone = "0912345621", village = "Thôn 2" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string code, string status, string? note = null) =>
        client.PatchAsJsonAsync($"/api/staff/dossiers/{code}", new { status, note });

    public static TheoryData<string, string[], string, string?, string> Refused => new()
    {
        // procedure, statuses set before, refused status, note, words of the reason
        { "khai-sinh", [], "supplementRequested", null, "cần ghi chú" },
        { "khai-sinh", [], "supplementRequested", "   ", "cần ghi chú" },
        { "khai-sinh", [], "rejected", null, "cần ghi chú" },
        { "khai-sinh", [], "paymentRequested", "", "cần ghi chú" },
        { "khai-sinh", [], "stopped", null, "cần ghi chú" },
        { "chung-thuc-ban-sao", [], "financialObligation", "Nộp thuế", "không có nghĩa vụ tài chính" },
        { "khai-sinh", ["rejected"], "financialObligation", "x", "không có nghĩa vụ tài chính" },
        { "cap-so-do", ["rejected"], "financialObligation", "Nộp tiền sử dụng đất", "trạng thái cuối" },
        { "khai-sinh", ["rejected"], "inProgress", null, "trạng thái cuối" },
        { "khai-sinh", ["resultReady", "resultReturned"], "inProgress", null, "trạng thái cuối" },
        { "khai-sinh", ["resultReady"], "inProgress", null, "Chỉ chuyển được sang: Đã trả kết quả" },
        { "khai-sinh", [], "resultReturned", null, "Không chuyển được từ \"Đã nhận hồ sơ\"" },
        { "khai-sinh", [], "preRegistered", null, "Không chuyển được" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_change_against_the_rules_is_a_400_with_the_reason_and_changes_nothing(
        string procedureId, string[] before, string status, string? note, string reason)
    {
        using var client = factory.CreateStaffClient();
        var code = await CreateAsync(client, procedureId);
        foreach (var step in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await PatchAsync(client, code, step, "Lý do ghi cho người dân")).StatusCode);
        }
        var seen = factory.Observer.Seen.Count;

        var response = await PatchAsync(client, code, status, note);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(StaffDossierEndpoints.RefusedTitle, (string?)problem["title"]);
        Assert.Contains(reason, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(seen, factory.Observer.Seen.Count);
        var stored = (await factory.Services.GetRequiredService<DossierDesk>().FindAsync(code))!;
        Assert.Equal(before.Length + 1, stored.History.Count);
    }

    public static TheoryData<string, string[], string, string?> Allowed => new()
    {
        { "khai-sinh", [], "inProgress", null },
        { "khai-sinh", [], "supplementRequested", "Thiếu giấy chứng sinh" },
        { "khai-sinh", ["supplementRequested"], "inProgress", null },
        { "khai-sinh", [], "rejected", "Không đủ điều kiện vì ..." },
        { "cap-so-do", [], "financialObligation", "Nộp tiền sử dụng đất theo thông báo thuế" },
        { "cap-so-do", ["financialObligation"], "resultReady", null },
        { "khai-sinh", ["resultReady"], "resultReturned", null },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task A_change_the_rules_allow_is_made_and_its_note_reaches_the_resident(string procedureId, string[] before, string status, string? note)
    {
        using var client = factory.CreateStaffClient();
        var code = await CreateAsync(client, procedureId);
        foreach (var step in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await PatchAsync(client, code, step, "Ghi chú trước")).StatusCode);
        }

        var response = await PatchAsync(client, code, status, note);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, change) = factory.Observer.Seen[^1];
        Assert.Equal(status, change.Status.JsonName());
        Assert.Equal(note, change.Note);
    }
}
