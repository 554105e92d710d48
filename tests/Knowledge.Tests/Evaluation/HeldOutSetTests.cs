using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;
using Xunit.Abstractions;

namespace OneStopBot.Knowledge.Tests.Evaluation;

/// <summary>The project's own held-out set: large enough, never trained on, and understood well.</summary>
[Collection(KnowledgeCollection.Name)]
public sealed class HeldOutSetTests(KnowledgeFixture knowledge, ITestOutputHelper output)
{
    private const int MinimumCases = 400;
    private const double MinimumBothCorrect = 0.92;
    private const double MinimumOutOfScopeAnsweredNone = 0.95;

    private static readonly EvalSet HeldOut = EvalSet.Load(EvalSet.HeldOutPath);

    [Fact]
    public void Has_at_least_400_cases_covering_every_procedure_and_intent()
    {
        Assert.True(HeldOut.Cases.Count >= MinimumCases, $"{HeldOut.Cases.Count} cases");
        Assert.Empty(knowledge.Catalog.All.Select(p => p.Id).Except(HeldOut.Cases.Select(c => c.ProcedureId ?? "")));
        Assert.Empty(Enum.GetValues<Intent>().Except(HeldOut.Cases.Select(c => c.Intent)));
    }

    public static TheoryData<string> HeldOutFiles => new() { EvalSet.HeldOutPath, EvalSet.UnseenPath, EvalSet.StylesPath, SmallTalkSet.Path, ConversationSet.HeldOutPath };

    [Theory]
    [MemberData(nameof(HeldOutFiles))]
    public void No_sentence_of_it_is_a_training_example(string path)
    {
        // A procedure's own names and phrases are its vocabulary, not examples: a resident may type one alone.
        var names = knowledge.Catalog.All.SelectMany(p => p.Phrases.Append(p.OfficialName).Append(p.SimpleName)).Select(Key).ToHashSet(StringComparer.Ordinal);
        var training = TrainingExample.From(knowledge.Catalog).Select(e => e.Text)
            .Concat(knowledge.Catalog.AspectExamples.SelectMany(a => a.Examples))
            .Select(Key).Where(key => !names.Contains(key)).ToHashSet(StringComparer.Ordinal);
        var texts = path == SmallTalkSet.Path ? SmallTalkSet.Load(path).Select(c => c.Text)
            : path == ConversationSet.HeldOutPath ? ConversationSet.Load(path).SelectMany(c => c.Turns).Select(t => t.Say)
            : EvalSet.Load(path).Cases.Select(c => c.Text);

        var copied = texts.Where(text => training.Contains(Key(text))).ToList();

        Assert.True(copied.Count == 0, $"held-out sentences among the training examples: {string.Join(" | ", copied)}");
    }

    [Fact]
    public void Both_intent_and_procedure_are_right_for_at_least_92_percent()
    {
        var report = HeldOut.Evaluate(knowledge.Understanding);

        output.WriteLine(report.Format());
        Assert.True(report.BothAccuracy >= MinimumBothCorrect, report.Format());
        Assert.True(report.OutOfScopeAnsweredNone >= MinimumOutOfScopeAnsweredNone, report.Format());
    }

    // Folded as well as normalised: a copy typed without its diacritics is still a copy.
    private static string Key(string text) => VietnameseText.Fold(VietnameseText.Normalize(text));
}
