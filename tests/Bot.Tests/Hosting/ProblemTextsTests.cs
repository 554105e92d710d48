using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Dialogs.Tests.Language;

namespace OneStopBot.Bot.Tests.Hosting;

/// <summary>Staff and the people who connect the office's systems read the host's error answers in Vietnamese.</summary>
public sealed class ProblemTextsTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public void No_error_answer_text_of_the_host_holds_an_english_word()
    {
        var texts = ShownTexts.ConstantsOf(typeof(ProblemTexts).Assembly).ToList();

        Assert.Contains(texts, t => t.Where == $"{nameof(ProblemTexts)}.{nameof(ProblemTexts.InvalidFieldTitle)}");
        Assert.True(ShownTexts.HasEnglish("Invalid field \"text\""));
        Assert.Empty(texts.Where(t => ShownTexts.HasEnglish(t.Text)).Select(t => $"{t.Where}: {t.Text}"));
    }

    public static TheoryData<string, string, object?> Refused => new()
    {
        { "POST", "/api/staff/notices", new { text = "" } },
        { "POST", "/api/staff/notices", new { text = "Họp thôn", village = "Thôn 99" } },
        { "GET", "/api/staff/notices/999", null },
        { "GET", "/api/staff/dossiers/261126-9999", null },
        { "GET", "/api/staff/questions?count=0", null },
        { "GET", "/qr/khong-co", null },
        { "GET", "/api/staff/stats?from=2026-11-10&to=2026-11-01", null },
        { "GET", "/api/staff/stats?from=2020-01-01&to=2026-11-01", null },
        { "POST", "/api/staff/dossiers", new { procedureId = "khong-co" } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_request_is_answered_in_vietnamese(string method, string path, object? body)
    {
        using var client = factory.CreateStaffClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var shown = $"{problem["title"]} {problem["detail"]} {problem["errors"]?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}";
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(ShownTexts.HasEnglish(shown), shown);
    }
}
