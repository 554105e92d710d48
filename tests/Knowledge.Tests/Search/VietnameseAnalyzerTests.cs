using Lucene.Net.Analysis.TokenAttributes;
using OneStopBot.Knowledge.Search;

namespace OneStopBot.Knowledge.Tests.Search;

public sealed class VietnameseAnalyzerTests
{
    [Fact]
    public void Indexes_exact_and_folded_syllables_and_bigrams_at_the_same_positions()
    {
        using var analyzer = new VietnameseAnalyzer();

        var tokens = Tokens(analyzer, "Làm GIẤY khai sinh");

        Assert.Equal(
            [
                ("lam", 1), ("làm", 0), ("lam_giay", 0), ("làm_giấy", 0),
                ("giay", 1), ("giấy", 0), ("giay_khai", 0), ("giấy_khai", 0),
                ("khai", 1), ("khai_sinh", 0),
                ("sinh", 1),
            ],
            tokens);
    }

    [Fact]
    public void Expands_teencode_before_indexing()
    {
        using var analyzer = new VietnameseAnalyzer();

        var terms = Tokens(analyzer, "đk gks").Select(t => t.Term).ToList();

        Assert.Contains("đăng_ký", terms);
        Assert.Contains("khai_sinh", terms);
        Assert.Contains("dang", terms);
    }

    [Fact]
    public void Can_be_reused_for_many_texts()
    {
        using var analyzer = new VietnameseAnalyzer();

        var first = Tokens(analyzer, "kết hôn");
        var second = Tokens(analyzer, "kết hôn");

        Assert.Equal(first, second);
    }

    private static List<(string Term, int Increment)> Tokens(VietnameseAnalyzer analyzer, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream("field", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement));
        }

        stream.End();
        return tokens;
    }
}
