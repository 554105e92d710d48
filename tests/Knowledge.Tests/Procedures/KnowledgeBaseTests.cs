using System.Text;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Procedures;

/// <summary>The shipped procedure files themselves.</summary>
[Collection(KnowledgeCollection.Name)]
public sealed class KnowledgeBaseTests(KnowledgeFixture knowledge)
{
    private static readonly string SourceFolder = Path.Combine(RepositoryPaths.Root, "Knowledge", "Procedures");

    [Fact]
    public void Every_procedure_of_the_list_has_a_file_with_its_group_and_official_name()
    {
        var listed = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "Knowledge.Tests", "Procedures", "procedures.tsv"))
            .Where(line => !line.StartsWith('#') && !line.StartsWith("id\t", StringComparison.Ordinal) && line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToList();

        Assert.Equal(listed.Count, knowledge.Catalog.Count);
        foreach (var (id, group, name) in listed.Select(c => (c[0], c[1], c[2])))
        {
            var procedure = knowledge.Catalog.Find(id);
            Assert.True(procedure is not null, $"no file for '{id}'");
            Assert.Equal((group, name), (procedure.Group, procedure.OfficialName));
        }
    }

    [Fact]
    public void The_build_copies_the_files_beside_the_assembly()
    {
        var source = Directory.GetFiles(SourceFolder, "*.yaml").Select(Path.GetFileName).Order();
        var built = Directory.GetFiles(RepositoryPaths.BuiltProcedures, "*.yaml").Select(Path.GetFileName).Order();

        Assert.Equal(source, built);
    }

    [Fact]
    public void Every_procedure_has_at_least_30_examples_and_they_are_its_last_field()
    {
        const int MinExamples = 30;
        foreach (var procedure in knowledge.Catalog.All)
        {
            Assert.True(procedure.Examples.Count >= MinExamples, $"{procedure.Id}: {procedure.Examples.Count} examples");
            var lastField = File.ReadLines(Path.Combine(SourceFolder, procedure.Id + ".yaml"))
                .Last(line => line.Length > 0 && char.IsAsciiLetterLower(line[0]));
            Assert.StartsWith("examples:", lastField);
        }
    }

    [Fact]
    public void The_shipped_model_was_trained_on_exactly_these_examples()
    {
        var model = Path.Combine(SourceFolder, MessageUnderstanding.ModelFile);

        Assert.True(
            MessageUnderstanding.IsModelCurrent(knowledge.Catalog, model),
            $"examples changed since the model was trained: run `dotnet run --project Bot -- train {Path.GetRelativePath(RepositoryPaths.Root, model)}`");
    }

    [Fact]
    public void Every_other_intent_has_at_least_25_examples_and_none_at_least_200()
    {
        var counts = knowledge.Catalog.MessageExamples.GroupBy(m => m.Intent).ToDictionary(g => g.Key, g => g.Sum(m => m.Examples.Count));

        foreach (var intent in Enum.GetValues<Intent>())
        {
            Assert.True(counts.GetValueOrDefault(intent) >= (intent == Intent.None ? 200 : 25), $"{intent}: {counts.GetValueOrDefault(intent)} examples");
        }
    }

    [Theory]
    [InlineData("ly-hon", "Tòa án nhân dân khu vực")]
    [InlineData("ho-chieu", "Công an tỉnh")]
    [InlineData("dang-ky-xe", "Công an")]
    public void Other_agencies_say_where_to_go(string id, string agency)
    {
        var other = knowledge.Catalog.FindOtherAgency(id);

        Assert.NotNull(other);
        Assert.StartsWith(agency, other.Agency);
        Assert.True(other.Examples.Count >= 20, $"{id}: {other.Examples.Count} examples");
    }

    [Fact]
    public void Passports_can_be_requested_online()
    {
        var passport = knowledge.Catalog.FindOtherAgency("ho-chieu")!;

        Assert.Contains("dichvucong.gov.vn", passport.Contact);
        Assert.Contains("VNeID", passport.Contact);
    }

    [Fact]
    public void Files_are_utf8_and_written_in_composed_form()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var path in Directory.GetFiles(SourceFolder, "*.yaml", SearchOption.AllDirectories))
        {
            var text = strict.GetString(File.ReadAllBytes(path));
            Assert.True(text.IsNormalized(NormalizationForm.FormC), $"{Path.GetFileName(path)} is not NFC");
        }
    }

    [Fact]
    public void Every_procedure_lists_phrases_with_and_without_diacritics()
    {
        foreach (var procedure in knowledge.Catalog.All)
        {
            Assert.Contains(procedure.Phrases, p => VietnameseText.HasDiacritics(p));
            Assert.Contains(procedure.Phrases, p => !VietnameseText.HasDiacritics(p));
        }
    }

    [Fact]
    public void Unconfirmed_facts_are_left_open_and_point_to_the_office()
    {
        foreach (var procedure in knowledge.Catalog.All)
        {
            if (procedure.Fee.Free is null)
            {
                Assert.Contains("hỏi", procedure.Fee.Text);
            }

            if (procedure.Online.Available is null)
            {
                Assert.True(
                    procedure.Online.Text.Contains("hỏi") || procedure.Online.Text.Contains("dichvucong"),
                    $"{procedure.Id}: online text should say where to ask");
            }

            if (procedure.Time.WorkingDays is null)
            {
                Assert.True(procedure.Time.Text.Length > 0, procedure.Id);
            }
        }
    }

    [Fact]
    public void Resident_sentences_stay_short()
    {
        const int MaxWords = 30;
        foreach (var procedure in knowledge.Catalog.All)
        {
            var texts = new[] { procedure.Summary, procedure.Time.Text, procedure.Fee.Text, procedure.Online.Text, procedure.WhereAndWhen }
                .Concat(procedure.Steps);
            foreach (var sentence in texts.SelectMany(t => t.Split(". ")))
            {
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                Assert.True(words <= MaxWords, $"{procedure.Id}: {words} words in \"{sentence}\"");
            }
        }
    }
}
