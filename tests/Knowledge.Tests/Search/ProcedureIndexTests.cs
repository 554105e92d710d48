using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;

namespace OneStopBot.Knowledge.Tests.Search;

public sealed class ProcedureIndexTests
{
    [Theory]
    [InlineData("cá kho", "ca-kho")]
    [InlineData("cà kho", "ca-tim-kho")]
    public void An_exact_diacritic_match_scores_above_a_folded_one(string query, string expectedFirst)
    {
        using var files = new ProcedureFiles()
            .Add("ca-kho.yaml", ProcedureFiles.Valid("ca-kho", "cá kho"))
            .Add("ca-tim-kho.yaml", ProcedureFiles.Valid("ca-tim-kho", "cà kho"));
        using var index = new ProcedureIndex(ProcedureCatalog.Load(files.Directory));
        var syllables = query.Split(' ');

        var hits = index.Search(syllables, new bool[syllables.Length], 5);

        Assert.Equal(2, hits.Count);
        Assert.Equal(expectedFirst, hits[0].ProcedureId);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void A_folded_query_finds_the_procedure_written_with_diacritics()
    {
        using var files = new ProcedureFiles().Add("ket-hon.yaml", ProcedureFiles.Valid("ket-hon", "đăng ký kết hôn"));
        using var index = new ProcedureIndex(ProcedureCatalog.Load(files.Directory));

        var hits = index.Search(["ket", "hon"], [false, false], 5);

        Assert.Equal("ket-hon", Assert.Single(hits).ProcedureId);
    }

    [Fact]
    public void Ignored_syllables_do_not_search()
    {
        using var files = new ProcedureFiles().Add("ket-hon.yaml", ProcedureFiles.Valid("ket-hon", "đăng ký kết hôn"));
        using var index = new ProcedureIndex(ProcedureCatalog.Load(files.Directory));

        Assert.Empty(index.Search(["đăng", "ký"], [true, true], 5));
    }

    [Theory]
    [InlineData("kết", SyllableMatch.Exact)]
    [InlineData("ket", SyllableMatch.Exact)]
    [InlineData("kệt", SyllableMatch.Folded)]
    [InlineData("lúa", SyllableMatch.None)]
    public void Match_tells_exact_from_folded(string syllable, SyllableMatch expected)
    {
        using var files = new ProcedureFiles().Add("ket-hon.yaml", ProcedureFiles.Valid("ket-hon", "đăng ký kết hôn"));
        using var index = new ProcedureIndex(ProcedureCatalog.Load(files.Directory));

        Assert.Equal(expected, index.Match("ket-hon", syllable));
    }
}
