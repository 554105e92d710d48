using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Bot.Tests.Dossiers;

/// <summary>
/// The whole host over <c>/api/messages</c> on a channel that renders Markdown, with state in the office database: a
/// hard word in a status reply is explained once, and the explanation is written in Markdown with the lines' hard breaks.
/// </summary>
public sealed class ExplainedWordsOverHttpTests : IDisposable
{
    private const string Note = "Cần thêm bản trích lục khai sinh của mẹ.";

    private readonly StaffApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_status_reply_explains_a_staff_notes_word_once_in_markdown_with_its_line_breaks()
    {
        using var staff = factory.CreateStaffClient();
        var created = await staff.PostAsJsonAsync("/api/staff/dossiers", new
        {
            procedureId = "khai-sinh", applicantName = "Hồ Thị Lan", phone = "0912 345 621", village = "thôn 2",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["code"]!;
        var changed = await staff.PatchAsJsonAsync($"/api/staff/dossiers/{code}", new { status = "supplementRequested", note = Note });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var explanation = factory.Services.GetRequiredService<ProcedureCatalog>().Glossary.Single(t => t.Terms.Contains("trích lục")).Explanation;

        using var client = factory.CreateClient();
        var resident = new ConnectorUser(client, "explained-chat", "resident");
        await resident.SayAsync("tra cứu hồ sơ " + code);
        var first = (await resident.SayAsync("5621")).Texts();
        await resident.SayAsync("tra cứu hồ sơ " + code);
        var again = (await resident.SayAsync("5621")).Texts();

        // The explanation's brackets and the line after it come out as Markdown renders them: one hard break per line.
        var noteLine = "Ghi chú của cán bộ: " + Note.Replace("trích lục", $"trích lục ({explanation})", StringComparison.Ordinal);
        Assert.Contains(MarkdownLinesMiddleware.ToMarkdown(noteLine) + "  \n", first, StringComparison.Ordinal);
        Assert.Contains(MarkdownLinesMiddleware.ToMarkdown("Ghi chú của cán bộ: " + Note) + "  \n", again, StringComparison.Ordinal);
        Assert.DoesNotContain(explanation, again, StringComparison.Ordinal);
    }
}
