using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Procedures;

/// <summary>The files beside the procedures: the other intents' examples and the other agencies.</summary>
public sealed class OtherFilesTests
{
    private const string Agencies = """
        - id: ly-hon
          name: Ly hôn
          agency: Tòa án nhân dân khu vực
          where: Tòa án nhân dân khu vực nơi vợ hoặc chồng cư trú.
          contact: Nộp đơn tại Tòa án.
          examples:
            - muốn ly hôn
        """;

    private const string Intents = """
        - intent: greeting
          examples:
            - xin chào
        - intent: submit
          procedure: p
          examples:
            - nộp hồ sơ p
        - intent: told
          examples:
            - đường vô thôn ngập rồi
        - intent: status
          procedure: p
          examples:
            - hồ sơ p xong chưa
        """;

    [Fact]
    public void Examples_other_intents_and_other_agencies_are_loaded_with_the_procedures()
    {
        using var files = new ProcedureFiles()
            .Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi") + "examples:\n  - một câu hỏi\n")
            .Add("Other/agencies.yaml", Agencies)
            .Add("Other/intents.yaml", Intents);

        var catalog = ProcedureCatalog.Load(files.Directory);

        Assert.Equal(["một câu hỏi"], catalog.Find("p")!.Examples);
        var agency = catalog.FindOtherAgency("ly-hon");
        Assert.Equal(("Ly hôn", "Tòa án nhân dân khu vực"), (agency!.Name, agency.Agency));
        Assert.Equal(["muốn ly hôn"], agency.Examples);
        Assert.Equal(
            [
                (Intent.Greeting, null, "xin chào", false), (Intent.Submit, "p", "nộp hồ sơ p", false), (Intent.None, null, "đường vô thôn ngập rồi", true),
                (Intent.Status, "p", "hồ sơ p xong chưa", false),
            ],
            catalog.MessageExamples.SelectMany(m => m.Examples.Select(e => (m.Intent, m.ProcedureId, e, m.Told))));
    }

    [Fact]
    public void A_folder_without_them_has_none()
    {
        using var files = new ProcedureFiles().Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi"));

        var catalog = ProcedureCatalog.Load(files.Directory);

        Assert.Equal((0, 0, 0), (catalog.OtherAgencies.Count, catalog.MessageExamples.Count, catalog.Find("p")!.Examples.Count));
    }

    [Theory]
    [InlineData("- intent: wave\n  examples:\n    - chào\n", "[1].intent", "'wave' is not an intent")]
    [InlineData("- intent: 3\n  examples:\n    - chào\n", "[1].intent", "'3' is not an intent")]
    [InlineData("- intent: greeting\n  procedure: p\n  examples:\n    - chào\n", "[1].procedure", "only submit")]
    [InlineData("- intent: submit\n  procedure: q\n  examples:\n    - nộp\n", "[1].procedure", "'q' is not a procedure")]
    [InlineData("- intent: greeting\n  examples: []\n", "[1].examples", "at least one")]
    [InlineData("- intent: greeting\n  examples:\n    - \"\"\n", "[1].examples[1]", "required")]
    [InlineData("- intent: [", "(file)", "line")]
    public void A_broken_intents_file_names_the_file_the_field_and_the_reason(string content, string field, string reason)
    {
        using var files = new ProcedureFiles().Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi")).Add("Other/intents.yaml", content);

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("Other/intents.yaml", field), (error.File, error.Field));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("  where: Tòa án nhân dân khu vực nơi vợ hoặc chồng cư trú.\n", "", "[1].where", "required")]
    [InlineData("- id: ly-hon", "- id: p", "[1].id", "already used")]
    [InlineData("    - muốn ly hôn\n", "", "[1].examples", "at least one")]
    public void A_broken_agencies_file_names_the_file_the_field_and_the_reason(string replace, string with, string field, string reason)
    {
        Assert.Contains(replace, Agencies + "\n");
        using var files = new ProcedureFiles()
            .Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi"))
            .Add("Other/agencies.yaml", (Agencies + "\n").Replace(replace, with));

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("Other/agencies.yaml", field), (error.File, error.Field));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_agency_without_who_handles_it_is_a_question_the_files_do_not_cover()
    {
        using var files = new ProcedureFiles()
            .Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi"))
            .Add("Other/agencies.yaml", Agencies + "\n- id: ly-lich\n  name: Lý lịch tư pháp\n  examples:\n    - xin lý lịch tư pháp\n");

        var catalog = ProcedureCatalog.Load(files.Directory);

        Assert.True(catalog.FindOtherAgency("ly-hon")!.IsCovered);
        var uncovered = catalog.FindOtherAgency("ly-lich")!;
        Assert.Equal((false, null, null, null), (uncovered.IsCovered, uncovered.Agency, uncovered.Where, uncovered.Contact));
    }

    [Fact]
    public void Where_to_go_without_who_handles_it_is_refused()
    {
        using var files = new ProcedureFiles()
            .Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi"))
            .Add("Other/agencies.yaml", Agencies.Replace("  agency: Tòa án nhân dân khu vực\n", string.Empty));

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("Other/agencies.yaml", "[1].agency"), (error.File, error.Field));
    }

    [Fact]
    public void An_empty_example_in_a_procedure_file_is_reported()
    {
        using var files = new ProcedureFiles().Add("p.yaml", ProcedureFiles.Valid("p", "cách gọi") + "examples:\n  - \"  \"\n");

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("p.yaml", "examples[1]"), (error.File, error.Field));
    }
}
