using System.Text.RegularExpressions;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Knowledge.Tests.Procedures;

/// <summary>The glossary (<c>Other/glossary.yaml</c>): loaded and validated with the catalog, and about the files' own words.</summary>
[Collection(KnowledgeCollection.Name)]
public sealed class GlossaryTests(KnowledgeFixture knowledge)
{
    [Theory]
    [InlineData("thụ lý")]
    [InlineData("liên thông")]
    [InlineData("trích lục")]
    [InlineData("dự thảo hợp đồng")]
    [InlineData("nghĩa vụ tài chính")]
    [InlineData("mất năng lực hành vi")]
    [InlineData("niêm yết")]
    [InlineData("chứng thực")]
    [InlineData("hộ tịch")]
    [InlineData("uỷ quyền")]
    [InlineData("ủy quyền")]
    public void The_words_residents_stumble_on_are_explained(string term) =>
        Assert.Contains(knowledge.Catalog.Glossary, t => t.Terms.Contains(term));

    [Fact]
    public void Every_explained_word_is_one_the_procedure_files_use()
    {
        var told = string.Join('\n', knowledge.Catalog.All.SelectMany(p =>
            new[] { p.SimpleName, p.WhoNeedsIt, p.Summary, p.Time.Text, p.Fee.Text, p.WhereAndWhen, p.Online.Text, p.WhoQualifies, p.Proxy }
                .Concat(p.Steps).Concat(p.Documents.Select(d => d.Name + " " + d.Note)).OfType<string>()));
        Assert.All(knowledge.Catalog.Glossary, term =>
            Assert.True(term.Terms.Any(t => Regex.IsMatch(told, $@"(?<!\w){Regex.Escape(t)}(?!\w)", RegexOptions.IgnoreCase)), term.Key));
    }

    [Fact]
    public void The_glossary_is_loaded_from_beside_the_procedures()
    {
        using var files = new ProcedureFiles()
            .Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi"))
            .Add("Other/glossary.yaml", "- terms: [trích lục]\n  explanation: bản sao giấy tờ hộ tịch do xã cấp\n");

        var term = Assert.Single(ProcedureCatalog.Load(files.Directory).Glossary);

        Assert.Equal(("trích lục", "bản sao giấy tờ hộ tịch do xã cấp"), (term.Key, term.Explanation));
    }

    [Theory]
    [InlineData("- terms: []\n  explanation: x\n", "[1].terms", "at least one")]
    [InlineData("- terms: [a]\n", "[1].explanation", "required")]
    [InlineData("- terms: [a]\n  explanation: (x)\n", "[1].explanation", "without brackets")]
    [InlineData("- terms: [a]\n  explanation: x\n- terms: [A]\n  explanation: y\n", "[2].terms", "explained twice")]
    [InlineData("- terms: [a]\n  explanation: một câu rất dài, dài hơn tám mươi ký tự, không còn là lời giải thích ngắn trong ngoặc nữa rồi\n", "[1].explanation", "one line")]
    public void A_broken_glossary_names_the_file_the_field_and_the_reason(string content, string field, string reason)
    {
        using var files = new ProcedureFiles().Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi")).Add("Other/glossary.yaml", content);

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("Other/glossary.yaml", field), (error.File, error.Field));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
