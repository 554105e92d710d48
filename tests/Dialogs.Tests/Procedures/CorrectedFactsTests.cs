using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>Facts a resident audit found wrong, asked as residents ask them, and the shipped sample office.</summary>
public sealed class CorrectedFactsTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Each row: the messages sent (" | " between them), what the last answer must say, and what it must not.</summary>
    public static TheoryData<string, string[], string[]> Rows => new()
    {
        // Luật BHYT Đ12: ethnic minorities in areas with difficult conditions, and everyone in especially difficult ones.
        {
            "làm thẻ bảo hiểm y tế cho con | ai được cấp miễn phí",
            ["người dân tộc thiểu số sống ở vùng có điều kiện kinh tế - xã hội khó khăn", "mọi người sống ở vùng đặc biệt khó khăn"],
            ["chỉ thuộc diện này khi", "chỉ khi"]
        },
        { "làm thẻ bảo hiểm y tế cho con | có mất tiền không", ["người dân tộc thiểu số sống ở vùng khó khăn"], ["chỉ thuộc diện"] },
        // Since 1/3/2025: designated points of Công an xã, or the provincial police.
        { "lam can cuoc o dau", ["điểm được giao", "Công an tỉnh"], ["trụ sở Công an xã Phước Đức"] },
        { "làm căn cước cho con", ["điểm được giao", "Công an tỉnh"], ["trụ sở Công an xã Phước Đức"] },
        // Luật Khiếu nại 2011 Đ9: within 90 days.
        { "khiếu nại quyết định của xã | mất bao lâu", ["90 ngày"], [] },
        { "khiếu nại quyết định của xã | con han khieu nai ko", ["90 ngày"], [] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_corrected_fact_is_said(string messages, string[] said, string[] notSaid)
    {
        var sent = messages.Split(" | ");
        foreach (var message in sent[..^1])
        {
            await harness.SayAsync(message);
        }

        var answer = string.Join('\n', (await harness.SayAsync(sent[^1])).Select(r => harness.Plain(r.Text)));

        Assert.All(said, fact => Assert.Contains(fact, answer, StringComparison.Ordinal));
        Assert.All(notSaid, fact => Assert.DoesNotContain(fact, answer, StringComparison.Ordinal));
    }

    [Fact]
    public void No_procedure_file_narrows_the_ethnic_minority_group_to_especially_difficult_areas()
    {
        var bhyt = harness.Get<ProcedureCatalog>().Find("bhyt")!;
        foreach (var text in new[] { bhyt.WhoNeedsIt, bhyt.WhoQualifies!, bhyt.Fee.Text, bhyt.Summary })
        {
            Assert.DoesNotContain("dân tộc thiểu số ở vùng đặc biệt khó khăn", text, StringComparison.Ordinal);
            Assert.DoesNotContain("chỉ thuộc diện", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Districts ended on 1/7/2025: the shipped sample names only commune and province or city, and says it is a sample.</summary>
    [Fact]
    public void The_shipped_sample_office_names_only_commune_and_city_and_is_marked_to_replace()
    {
        var office = harness.Office;
        Assert.DoesNotContain("huyện", office.Address, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Quảng Nam", office.Address, StringComparison.Ordinal);
        Assert.EndsWith("thành phố Đà Nẵng", office.Address, StringComparison.Ordinal);
        Assert.All(office.Handlers.Values, handler => Assert.DoesNotContain("huyện", handler.Place, StringComparison.OrdinalIgnoreCase));
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        Assert.Contains("SAMPLE commune, to replace", shipped, StringComparison.Ordinal);
        Assert.DoesNotContain("huyện", shipped, StringComparison.OrdinalIgnoreCase);
    }
}
