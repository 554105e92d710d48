using System.Globalization;
using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Understanding;
using Xunit.Abstractions;

namespace OneStopBot.Knowledge.Tests.Search;

/// <summary>
/// The short list search offers when understanding finds nothing, measured on the held-out files: it must rarely
/// fire on messages outside the office's procedures, and name the right procedure when it fires on a real question.
/// </summary>
[Collection(KnowledgeCollection.Name)]
public sealed class ProcedureSuggestionTests(KnowledgeFixture knowledge, ITestOutputHelper output) : IDisposable
{
    private const int MaxHits = 3;
    private const double MaxOutOfScopeFired = 0.05;
    private const double MinRightWhenFired = 0.9;

    private readonly ProcedureIndex index = new(knowledge.Catalog);

    public static TheoryData<string> HeldOutFiles => new() { EvalSet.HeldOutPath, EvalSet.UnseenPath };

    [Theory]
    [MemberData(nameof(HeldOutFiles))]
    public void Out_of_scope_messages_rarely_get_a_list_and_questions_it_fires_on_get_the_right_procedure(string path)
    {
        var cases = EvalSet.Load(path).Cases;
        var outOfScope = cases.Where(c => c.Intent == Intent.None).ToList();
        var questions = cases.Where(c => c.Intent == Intent.Ask && c.ProcedureId is not null).ToList();

        foreach (var strength in new[] { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 })
        {
            var (fired, answered, right) = Measure(outOfScope, questions, strength);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"strength {strength:0.00}: out of scope {fired.Count}/{outOfScope.Count} fired; questions {answered}/{questions.Count} fired, right {right}"));
        }

        var (firedAtOffer, answeredAtOffer, rightAtOffer) = Measure(outOfScope, questions, ProcedureIndex.OfferStrength);
        Assert.True(firedAtOffer.Count <= MaxOutOfScopeFired * outOfScope.Count, string.Join(" | ", firedAtOffer));
        Assert.True(rightAtOffer >= MinRightWhenFired * answeredAtOffer, $"{rightAtOffer} right of {answeredAtOffer}");
    }

    private (List<string> OutOfScopeFired, int QuestionsFired, int Right) Measure(List<EvalCase> outOfScope, List<EvalCase> questions, double strength)
    {
        var fired = outOfScope.Where(c => index.Suggest(c.Text, MaxHits, strength).Count > 0).Select(c => c.Text).ToList();
        var answered = questions.Select(c => (c.ProcedureId, Hits: index.Suggest(c.Text, MaxHits, strength))).Where(x => x.Hits.Count > 0).ToList();
        return (fired, answered.Count, answered.Count(x => x.Hits.Contains(x.ProcedureId!)));
    }

    [Fact]
    public void Small_talk_rarely_gets_a_list()
    {
        var smallTalk = SmallTalkSet.Load(SmallTalkSet.Path).Where(c => c.SmallTalk).ToList();

        var fired = smallTalk.Where(c => index.Suggest(c.Text, MaxHits).Count > 0).Select(c => c.Text).ToList();

        Assert.True(fired.Count <= MaxOutOfScopeFired * smallTalk.Count, string.Join(" | ", fired));
    }

    [Theory]
    [InlineData("giấy chứng sinh của bệnh viện", "khai-sinh")]
    [InlineData("so ho khau", "thuong-tru")]
    public void A_paper_or_phrase_names_its_procedure(string text, string expected)
    {
        Assert.Contains(expected, index.Suggest(text, MaxHits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("giấy")]
    [InlineData("làm sao")]
    public void A_single_word_or_nothing_names_no_procedure(string text)
    {
        Assert.Empty(index.Suggest(text, MaxHits));
    }

    public void Dispose() => index.Dispose();
}
