using System.Globalization;
using System.Text;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Evaluation;

/// <summary>One case and what was understood.</summary>
public sealed record EvalResult(EvalCase Case, Understanding.Understanding Actual)
{
    public bool IntentCorrect => Actual.Intent == Case.Intent;

    public bool ProcedureCorrect => Actual.ProcedureId == Case.ProcedureId;

    public bool BothCorrect => IntentCorrect && ProcedureCorrect;

    /// <summary>The aspect matches where the case names one; true where it does not.</summary>
    public bool AspectCorrect => Case.Aspect is not { } aspect || Actual.Aspect == aspect;
}

/// <summary>Accuracy over an evaluation set, and the cases missed.</summary>
public sealed class EvalReport
{
    private const int WorstPairs = 10;

    public EvalReport(string name, IReadOnlyList<EvalResult> results)
    {
        Name = name;
        Results = results;
    }

    public string Name { get; }

    public IReadOnlyList<EvalResult> Results { get; }

    public int Count => Results.Count;

    public double IntentAccuracy => Share(r => r.IntentCorrect);

    public double ProcedureAccuracy => Share(r => r.ProcedureCorrect);

    public double BothAccuracy => Share(r => r.BothCorrect);

    /// <summary>Of the cases that name an aspect, the share whose aspect was understood; null when none names one.</summary>
    public double? AspectAccuracy
    {
        get
        {
            var labelled = Results.Where(r => r.Case.Aspect is not null).ToList();
            return labelled.Count == 0 ? null : labelled.Count(r => r.AspectCorrect) / (double)labelled.Count;
        }
    }

    /// <summary>Of the messages understood as none, the share that should be none: how far "not found" can be trusted.</summary>
    public double NonePrecision
    {
        get
        {
            var answeredNone = Results.Where(r => r.Actual.Intent == Intent.None).ToList();
            return answeredNone.Count == 0 ? 1 : answeredNone.Count(r => r.Case.Intent == Intent.None) / (double)answeredNone.Count;
        }
    }

    /// <summary>Both-correct and aspect accuracy per style, for sets that name the style of each message.</summary>
    public IReadOnlyList<(string Style, int Count, double BothCorrect, double AspectCorrect)> ByStyle() =>
        Results.Where(r => r.Case.Style is not null)
            .GroupBy(r => r.Case.Style!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count(r => r.BothCorrect) / (double)g.Count(), g.Count(r => r.AspectCorrect) / (double)g.Count()))
            .OrderBy(s => s.Item1, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<EvalResult> Misses => Results.Where(r => !r.BothCorrect || !r.AspectCorrect).ToList();

    /// <summary>Of the messages out of scope (expected none), the share answered none (an other agency's included).</summary>
    public double OutOfScopeAnsweredNone
    {
        get
        {
            var outOfScope = Results.Where(r => r.Case.Intent == Intent.None).ToList();
            return outOfScope.Count == 0 ? 1 : outOfScope.Count(r => r.Actual.Intent == Intent.None) / (double)outOfScope.Count;
        }
    }

    /// <summary>The procedures most often taken for another ("-" for none), worst first.</summary>
    public IReadOnlyList<(string Expected, string Actual, int Count)> Confusions(int top) =>
        Results.Where(r => !r.ProcedureCorrect)
            .GroupBy(r => (Expected: r.Case.ProcedureId ?? "-", Actual: r.Actual.ProcedureId ?? "-"))
            .Select(g => (g.Key.Expected, g.Key.Actual, Count: g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Expected, StringComparer.Ordinal).ThenBy(c => c.Actual, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    /// <summary>The three accuracies, then one line per miss: line, text, expected and actual.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"{Name}: {Count} messages");
        text.AppendLine(culture, $"intent accuracy:       {IntentAccuracy:P1}");
        text.AppendLine(culture, $"procedure accuracy:    {ProcedureAccuracy:P1}");
        text.AppendLine(culture, $"both-correct accuracy: {BothAccuracy:P1}");
        text.AppendLine(culture, $"out of scope answered none: {OutOfScopeAnsweredNone:P1}");
        text.AppendLine(culture, $"none precision:        {NonePrecision:P1}");
        if (AspectAccuracy is { } aspects)
        {
            text.AppendLine(culture, $"aspect accuracy:       {aspects:P1}");
        }

        foreach (var (style, count, both, aspect) in ByStyle())
        {
            text.AppendLine(culture, $"  style {style,-16} {count,4}: both-correct {both:P1}, aspect {aspect:P1}");
        }

        var confusions = Confusions(WorstPairs);
        text.AppendLine(culture, $"worst procedure pairs (expected -> understood): {confusions.Count}");
        foreach (var (expected, actual, count) in confusions)
        {
            text.AppendLine(culture, $"  {expected} -> {actual}: {count}");
        }

        var misses = Misses;
        text.AppendLine(culture, $"misses: {misses.Count}");
        foreach (var miss in misses)
        {
            var aspect = miss.AspectCorrect ? string.Empty : $", aspect expected {AspectNames.Name(miss.Case.Aspect!.Value)}, got {AspectNames.Name(miss.Actual.Aspect)}";
            text.AppendLine(culture,
                $"  line {miss.Case.Line}: \"{miss.Case.Text}\" expected {Describe(miss.Case.Intent, miss.Case.ProcedureId)}, " +
                $"got {Describe(miss.Actual.Intent, miss.Actual.ProcedureId)} (score {miss.Actual.Score.ToString("0.00", culture)}){aspect}");
        }

        return text.ToString();
    }

    private static string Describe(Intent intent, string? procedureId) =>
        $"{UnderstandingJson.IntentName(intent)}/{procedureId ?? "-"}";

    private double Share(Func<EvalResult, bool> correct) => Count == 0 ? 0 : Results.Count(correct) / (double)Count;
}
