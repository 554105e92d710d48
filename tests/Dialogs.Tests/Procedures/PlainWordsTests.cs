using OneStopBot.Office;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>Words residents may not know are explained in brackets the first time a conversation uses them.</summary>
public sealed class PlainWordsTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private PlainWords Words => harness.Get<PlainWords>();

    private string Explanation(string term) =>
        harness.Get<ProcedureCatalog>().Glossary.Single(t => t.Terms.Contains(term)).Explanation;

    [Fact]
    public async Task A_word_is_explained_at_its_first_use_in_a_conversation_only()
    {
        var first = string.Join('\n', (await harness.SayAsync("xin trích lục khai sinh")).Select(m => m.Text));
        var again = string.Join('\n', (await harness.SayAsync("xin trích lục kết hôn")).Select(m => m.Text));

        Assert.Contains($"trích lục ({Explanation("trích lục")})", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"({Explanation("trích lục")})", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_conversation_gets_the_explanation_again()
    {
        await harness.SayAsync("xin trích lục khai sinh");
        using var other = new ConversationHarness();
        var text = string.Join('\n', (await other.SayAsync("xin trích lục khai sinh")).Select(m => m.Text));
        Assert.Contains($"({Explanation("trích lục")})", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Khiếu nại được thụ lý trong 10 ngày.", "Khiếu nại ({0}) được thụ lý ({1}) trong 10 ngày.", "khiếu nại", "thụ lý")]
    [InlineData("Ghi vào sổ hộ tịch, rồi hộ tịch", "Ghi vào sổ hộ tịch ({0}), rồi hộ tịch ({1})", "sổ hộ tịch", "hộ tịch")]
    [InlineData("Chứng thực (công chứng) bản photo", "Chứng thực (công chứng) bản photo", "chứng thực", "chứng thực")]
    [InlineData("giám hộ và giám hộ", "giám hộ ({0}) và giám hộ", "giám hộ", "giám hộ")]
    [InlineData("làm uỷ quyền", "làm uỷ quyền ({0})", "ủy quyền", "ủy quyền")]
    [InlineData("người mất năng lực hành vi", "người mất năng lực hành vi ({0})", "mất năng lực hành vi", "mất năng lực hành vi")]
    [InlineData("Đăng ký tạm trú khi ở nơi khác một thời gian.", "Đăng ký tạm trú khi ở nơi khác một thời gian.", "tạm trú", "tạm trú")]
    [InlineData("Nơi cư trú, tức là nơi sinh sống, và tạm trú", "Nơi cư trú, tức là nơi sinh sống, và tạm trú ({1})", "cư trú", "tạm trú")]
    public void Explain_brackets_the_first_whole_word_longest_first(string text, string expected, string first, string second)
    {
        var explained = new HashSet<string>(StringComparer.Ordinal);
        Assert.Equal(TextTemplate.Fill(expected, Explanation(first), Explanation(second)), Words.Explain(text, explained));
        Assert.Contains(harness.Get<ProcedureCatalog>().Glossary.Single(t => t.Terms.Contains(first)).Key, explained);
    }

    [Fact]
    public void A_word_inside_another_word_is_not_explained() =>
        Assert.Equal("thừa kếhoạch", Words.Explain("thừa kếhoạch", new HashSet<string>()));

    [Fact]
    public void The_conversation_remembers_only_glossary_words()
    {
        var explained = new HashSet<string>(StringComparer.Ordinal);
        var glossary = harness.Get<ProcedureCatalog>().Glossary;
        foreach (var procedure in harness.Get<ProcedureCatalog>().All)
        {
            Words.Explain(string.Join(' ', procedure.Summary, procedure.WhoNeedsIt, procedure.Time.Text, procedure.Fee.Text), explained);
        }
        Assert.NotEmpty(explained);
        Assert.All(explained, key => Assert.Contains(glossary, t => t.Key == key));
        Assert.InRange(explained.Count, 1, glossary.Count);
    }
}
