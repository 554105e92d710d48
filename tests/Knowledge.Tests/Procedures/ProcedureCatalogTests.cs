using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Knowledge.Tests.Procedures;

public sealed class ProcedureCatalogTests
{
    private const string Guide =
        "onlineGuide:\n  app: VNeID.\n  photograph:\n    - Giấy chứng sinh.\n  steps:\n    - Mở ứng dụng VNeID.\n  after: Theo dõi hồ sơ trong ứng dụng.\n";

    private const string GuideWithoutSteps = "onlineGuide:\n  app: VNeID.\n  photograph:\n    - Giấy chứng sinh.\n  after: Theo dõi hồ sơ.\n";

    private const string GuideWithEmptyAfter =
        "onlineGuide:\n  app: VNeID.\n  photograph:\n    - Giấy chứng sinh.\n  steps:\n    - Mở ứng dụng VNeID.\n  after: \"\"\n";

    [Fact]
    public void An_online_procedure_reads_its_guide_step_by_step()
    {
        var content = ProcedureFiles.Valid("p", "một cách gọi").Replace("  available: false\n  text: Không.\n", "  available: true\n  text: Không.\n" + Guide, StringComparison.Ordinal)
            .Replace("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\npost: Được. Gửi qua bưu điện.\n", StringComparison.Ordinal);
        using var files = new ProcedureFiles().Add("p.yaml", content);

        var procedure = Assert.Single(ProcedureCatalog.Load(files.Directory).All);

        Assert.Equal(("VNeID.", "Theo dõi hồ sơ trong ứng dụng."), (procedure.OnlineGuide!.App, procedure.OnlineGuide.After));
        Assert.Equal(["Giấy chứng sinh."], procedure.OnlineGuide.Photograph);
        Assert.Equal(["Mở ứng dụng VNeID."], procedure.OnlineGuide.Steps);
        Assert.Equal("Được. Gửi qua bưu điện.", procedure.Post);
    }

    [Fact]
    public void Loads_a_valid_file_into_records()
    {
        using var files = new ProcedureFiles().Add("khai-sinh.yaml", ProcedureFiles.Valid("khai-sinh", "làm giấy khai sinh"));

        var catalog = ProcedureCatalog.Load(files.Directory);

        var procedure = Assert.Single(catalog.All);
        Assert.Same(procedure, catalog.Find("khai-sinh"));
        Assert.Equal(("khai-sinh", 0, true, false), (procedure.Id, procedure.Time.WorkingDays, procedure.Time.IsSameDay, procedure.Online.Available));
        Assert.Equal(new RequiredDocument("Tờ khai", DocumentForm.Original, 1, null), Assert.Single(procedure.Documents));
        Assert.Equal(["làm giấy khai sinh"], procedure.Phrases);
        Assert.Null(catalog.Find("khong-co"));
    }

    [Theory]
    [InlineData("summary: Một câu tóm tắt.\n", "", "summary", "required")]
    [InlineData("summary: Một câu tóm tắt.", "summary: Câu một. Câu hai. Câu ba.", "summary", "2 sentences")]
    [InlineData("officialName: Thủ tục p\n", "officialName: \"  \"\n", "officialName", "required")]
    [InlineData("id: p\n", "id: q\n", "id", "file name")]
    [InlineData("id: p\n", "", "id", "required")]
    [InlineData("workingDays: 0", "workingDays: -1", "time.workingDays", "0 (same day) or more")]
    [InlineData("    form: original", "    form: photo", "documents[1].form", "'photo'")]
    [InlineData("    form: original", "    form: ''", "documents[1].form", "required")]
    [InlineData("    count: 1", "    count: 0", "documents[1].count", "1 or more")]
    [InlineData("  - name: Tờ khai\n    form: original\n    count: 1\n", "  []\n", "documents", "at least one")]
    [InlineData("  - Nộp hồ sơ.\n", "  - \"\"\n", "steps[1]", "required")]
    [InlineData("  text: Trong ngày.\n", "", "time.text", "required")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\ncolour: blue\n", "(file)", "colour")]
    [InlineData("workingDays: 0", "workingDays: soon", "(file)", "line")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\nhandler: police\n", "handler", "'police'")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\nwhoQualifies: \"\"\n", "whoQualifies", "required")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\nproxy: \" \"\n", "proxy", "required")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\npageFee:\n  firstPages: 2\n  firstPagePrice: 0\n  laterPagePrice: 1000\n  maxPerCopy: 200000\n", "pageFee.firstPagePrice", "above 0")]
    [InlineData("  available: false\n  text: Không.\n", "  available: true\n  text: Không.\n", "onlineGuide", "required when online.available is true")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\n" + Guide, "onlineGuide", "only for a procedure")]
    [InlineData("  available: false\n  text: Không.\n", "  available: true\n  text: Không.\n" + GuideWithoutSteps, "onlineGuide.steps", "at least one")]
    [InlineData("  available: false\n  text: Không.\n", "  available: true\n  text: Không.\n" + GuideWithEmptyAfter, "onlineGuide.after", "required")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\npost: \"\"\n", "post", "required")]
    [InlineData("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\npageFee:\n  firstPages: 2\n  firstPagePrice: 2000\n  laterPagePrice: 1000\n  maxPerCopy: 100\n", "pageFee.maxPerCopy", "at least")]
    public void A_broken_file_names_the_file_the_field_and_the_reason(string replace, string with, string field, string reason)
    {
        var content = ProcedureFiles.Valid("p", "một cách gọi");
        Assert.Contains(replace, content);
        using var files = new ProcedureFiles().Add("p.yaml", content.Replace(replace, with));

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("p.yaml", field), (error.File, error.Field));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith($"p.yaml: field '{field}'", error.Message);
    }

    [Theory]
    [InlineData("", ProcedureHandler.OneStopDesk)]
    [InlineData("handler: oneStopDesk\n", ProcedureHandler.OneStopDesk)]
    [InlineData("handler: communePolice\n", ProcedureHandler.CommunePolice)]
    [InlineData("handler: communeMilitary\n", ProcedureHandler.CommuneMilitary)]
    [InlineData("handler: unconfirmed\n", ProcedureHandler.Unconfirmed)]
    public void The_receiver_of_a_procedure_is_read_and_is_the_desk_when_not_said(string line, ProcedureHandler handler)
    {
        var content = ProcedureFiles.Valid("p", "một cách gọi").Replace("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\n" + line);
        using var files = new ProcedureFiles().Add("p.yaml", content);

        Assert.Equal(handler, Assert.Single(ProcedureCatalog.Load(files.Directory).All).Handler);
    }

    [Fact]
    public void Every_shipped_procedure_names_its_receiver_as_the_commune_does()
    {
        var catalog = ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath);
        Assert.All(catalog.All, p => Assert.Contains($"handler: {char.ToLowerInvariant(p.Handler.ToString()[0])}{p.Handler.ToString()[1..]}\n",
            File.ReadAllText(Path.Combine(KnowledgeOptions.DefaultProceduresPath, p.Id + ".yaml")).ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Equal(ProcedureHandler.CommunePolice, catalog.Find("thuong-tru")!.Handler);
        Assert.Equal(ProcedureHandler.CommuneMilitary, catalog.Find("nghia-vu-quan-su")!.Handler);
        Assert.Equal(ProcedureHandler.Unconfirmed, catalog.Find("ho-kinh-doanh")!.Handler);
        Assert.Equal(ProcedureHandler.OneStopDesk, catalog.Find("khai-sinh")!.Handler);
    }

    [Fact]
    public void The_shipped_files_say_who_qualifies_who_may_go_instead_and_the_copy_fee_by_pages()
    {
        var catalog = ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath);
        Assert.All(new[] { "tro-cap-xa-hoi", "mai-tang-phi", "bhyt", "ho-ngheo" }, id => Assert.NotNull(catalog.Find(id)!.WhoQualifies));
        Assert.StartsWith("Không", catalog.Find("ket-hon")!.Proxy, StringComparison.Ordinal);
        Assert.Equal(12_000, catalog.Find("chung-thuc-ban-sao")!.PageFee!.ForPages(10));
        Assert.Null(catalog.Find("khai-sinh")!.PageFee);
    }

    [Fact]
    public void Phrases_are_required()
    {
        var content = ProcedureFiles.Valid("p");
        using var files = new ProcedureFiles().Add("p.yaml", content);

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal("phrases", error.Field);
    }

    [Fact]
    public void Ids_are_unique_across_files()
    {
        using var files = new ProcedureFiles()
            .Add("p.yaml", ProcedureFiles.Valid("p", "cách một"))
            .Add("p.yml", ProcedureFiles.Valid("p", "cách hai"));

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("p.yml", "id"), (error.File, error.Field));
        Assert.Contains("another file", error.Message);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("id: [unclosed", "line")]
    public void An_empty_or_malformed_file_is_reported(string content, string reason)
    {
        using var files = new ProcedureFiles().Add("p.yaml", content);

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal("p.yaml", error.File);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_reported()
    {
        using var files = new ProcedureFiles();

        var empty = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));
        var missing = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(Path.Combine(files.Directory, "none")));

        Assert.Contains("no procedure files", empty.Message);
        Assert.Contains("does not exist", missing.Message);
    }

    [Fact]
    public void Adding_a_procedure_is_adding_a_file()
    {
        using var files = new ProcedureFiles().Add("a.yaml", ProcedureFiles.Valid("a", "cách một"));
        var before = ProcedureCatalog.Load(files.Directory);

        files.Add("b.yaml", ProcedureFiles.Valid("b", "cách hai"));
        var after = ProcedureCatalog.Load(files.Directory);

        Assert.Equal(["a"], before.All.Select(p => p.Id));
        Assert.Equal(["a", "b"], after.All.Select(p => p.Id));
    }
}
