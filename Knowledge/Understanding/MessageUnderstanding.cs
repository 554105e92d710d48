using System.Text.RegularExpressions;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// Turns a resident's message into an intent, a procedure where one applies, and the aspect asked about.
/// Immutable after construction: one instance serves concurrent turns.
/// </summary>
public sealed partial class MessageUnderstanding : IDisposable
{
    /// <summary>Share of a message's content words a procedure must cover before it is named as the answer.</summary>
    public const double AcceptCoverage = 0.6;

    /// <summary>Below <see cref="AcceptCoverage"/> but at least this, a procedure is offered only as an alternative.</summary>
    public const double SuggestCoverage = 0.34;

    private const int Candidates = 6;
    private const int MaxAlternatives = 3;
    private const float AlternativeScoreRatio = 0.5f;
    private const double RuleScore = 1.0;
    private const double FollowUpScore = 0.8;

    // A folded match of a word typed with diacritics ("cười" against "cưới") is weaker evidence than an exact one.
    private const double FoldedMatchWeight = 0.5;

    // A syllable that only matches after typo correction never names a procedure on its own.
    private const double CorrectedMatchWeight = 0.5;

    private readonly ProcedureIndex index;
    private readonly TypoCorrector corrector;

    public MessageUnderstanding(ProcedureCatalog catalog)
    {
        index = new ProcedureIndex(catalog);
        corrector = new TypoCorrector(index.FoldedVocabulary.Concat(Keywords.Vocabulary));
    }

    public Understanding Understand(string? text)
    {
        var original = text ?? string.Empty;
        var typed = VietnameseText.Syllables(original);
        var syllables = typed.Select(corrector.Correct).ToList();
        if (syllables.Count == 0)
        {
            return Result(original, Intent.None, 0);
        }

        var folded = $" {string.Join(' ', syllables.Select(VietnameseText.Fold))} ";
        var aspect = Keywords.Aspects.FirstOrDefault(a => a.Rule.Matches(folded)).Aspect;

        if (Keywords.Unsubscribe.Matches(folded))
        {
            return Result(original, Intent.Unsubscribe, RuleScore);
        }

        if (Keywords.Subscribe.Matches(folded))
        {
            return Result(original, Intent.Subscribe, RuleScore);
        }

        if (Keywords.Human.Matches(folded))
        {
            return Result(original, Intent.Human, RuleScore);
        }

        if (Keywords.Feedback.Matches(folded))
        {
            return Result(original, Intent.Feedback, RuleScore);
        }

        if (Keywords.Status.Matches(folded) || DossierCode().IsMatch(VietnameseText.Normalize(original)))
        {
            return Result(original, Intent.Status, RuleScore);
        }

        if (Keywords.Help.Matches(folded))
        {
            return Result(original, Intent.Help, RuleScore);
        }

        var fillers = Keywords.FillerMask(syllables);
        var corrected = syllables.Where((syllable, i) => syllable != typed[i]).ToHashSet(StringComparer.Ordinal);
        var match = FindProcedure(syllables, fillers, corrected);
        var isSubmit = Keywords.Submit.Matches(folded);
        // "nộp hồ sơ khai sinh ở đâu" asks where; "tôi muốn nộp hồ sơ khai sinh" wants to submit.
        if (isSubmit && !Keywords.Question.Matches(folded) && !original.Contains('?'))
        {
            return match.Accepted
                ? new Understanding(original, Intent.Submit, match.ProcedureId, match.Coverage, match.Alternatives, aspect)
                : Result(original, Intent.Submit, RuleScore);
        }

        if (match.Accepted)
        {
            return new Understanding(original, Intent.Ask, match.ProcedureId, match.Coverage, match.Alternatives, aspect);
        }

        if (Keywords.Office.Matches(folded))
        {
            return Result(original, Intent.Office, RuleScore);
        }

        if (Keywords.StatusWithoutProcedure.Matches(folded))
        {
            return Result(original, Intent.Status, RuleScore);
        }

        if (aspect != ProcedureAspect.None && fillers.All(filler => filler))
        {
            return new Understanding(original, Intent.Ask, null, FollowUpScore, [], aspect);
        }

        if (isSubmit)
        {
            return Result(original, Intent.Submit, RuleScore);
        }

        if (Keywords.Greeting.Matches(folded))
        {
            return Result(original, Intent.Greeting, RuleScore);
        }

        // Not understood: say so, with any procedure that came close as a suggestion.
        return new Understanding(original, Intent.None, null, match.Coverage, match.Alternatives, ProcedureAspect.None);
    }

    public void Dispose() => index.Dispose();

    private ProcedureMatch FindProcedure(IReadOnlyList<string> syllables, bool[] fillers, IReadOnlySet<string> corrected)
    {
        var content = syllables.Where((_, i) => !fillers[i]).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count == 0)
        {
            return ProcedureMatch.Nothing;
        }

        var hits = index.Search(syllables, fillers, Candidates);
        if (hits.Count == 0)
        {
            return ProcedureMatch.Nothing;
        }

        var best = hits[0];
        var coverage = Coverage(best.ProcedureId, content, corrected);
        var alternatives = hits.Skip(1)
            .Where(hit => hit.Score >= best.Score * AlternativeScoreRatio && Coverage(hit.ProcedureId, content, corrected) >= SuggestCoverage)
            .Select(hit => hit.ProcedureId)
            .Take(MaxAlternatives)
            .ToList();

        if (coverage >= AcceptCoverage)
        {
            return new ProcedureMatch(best.ProcedureId, Math.Round(coverage, 2), alternatives);
        }

        // Too weak to name: the best candidates become suggestions only.
        var suggestions = coverage >= SuggestCoverage ? alternatives.Prepend(best.ProcedureId).Take(MaxAlternatives).ToList() : [];
        return new ProcedureMatch(null, Math.Round(coverage, 2), suggestions);
    }

    // The share of the message's content syllables that the procedure's own words cover.
    private double Coverage(string procedureId, IReadOnlyList<string> content, IReadOnlySet<string> corrected)
    {
        var total = 0.0;
        foreach (var syllable in content)
        {
            var weight = index.Match(procedureId, syllable) switch
            {
                SyllableMatch.Exact => 1.0,
                SyllableMatch.Folded => FoldedMatchWeight,
                _ => 0.0,
            };
            total += corrected.Contains(syllable) ? Math.Min(weight, CorrectedMatchWeight) : weight;
        }

        return total / content.Count;
    }

    private static Understanding Result(string text, Intent intent, double score) =>
        new(text, intent, null, score, [], ProcedureAspect.None);

    // Dossier codes as residents type them: "000.32.30.H49-231120-0012", "231120-0012", "PD-2611-0007".
    [GeneratedRegex(@"(\d{6}-\d{4}|\b[a-z]{2,3}-\d{4}-\d{4})\b", RegexOptions.NonBacktracking)]
    private static partial Regex DossierCode();

    private sealed record ProcedureMatch(string? ProcedureId, double Coverage, IReadOnlyList<string> Alternatives)
    {
        public static readonly ProcedureMatch Nothing = new(null, 0, []);

        public bool Accepted => ProcedureId is not null;
    }
}
