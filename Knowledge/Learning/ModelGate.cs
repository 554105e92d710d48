using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Learning;

/// <summary>One held-out set's both-correct count, as <c>eval</c> reports it.</summary>
public sealed record SetScore(string Name, int Correct, int Count)
{
    public double Accuracy => Count == 0 ? 0 : Correct / (double)Count;
}

/// <summary>A model's score on every held-out set, and over all of them.</summary>
public sealed record HeldOutScore(IReadOnlyList<SetScore> Sets)
{
    public int Correct => Sets.Sum(s => s.Correct);

    public int Count => Sets.Sum(s => s.Count);

    public double Accuracy => Count == 0 ? 0 : Correct / (double)Count;
}

/// <summary>The running model's score and a candidate's, on the same sets; the candidate goes in only when not lower.</summary>
public sealed record GateDecision(HeldOutScore Before, HeldOutScore After)
{
    public bool Accepted => After.Correct >= Before.Correct;
}

/// <summary>
/// Decides whether a retrained model may replace the running one: both are scored on the project's held-out message
/// sets (never trained on) by the scoring <c>eval</c> uses, both intent and procedure right.
/// </summary>
public sealed class ModelGate(IReadOnlyList<EvalSet> sets)
{
    /// <summary>The held-out message sets <c>eval</c> scores.</summary>
    public static ModelGate HeldOut() => new(EvalSet.HeldOutMessagePaths.Select(EvalSet.Load).ToList());

    public HeldOutScore Score(MessageUnderstanding understanding, CancellationToken cancellationToken)
    {
        var scores = new List<SetScore>(sets.Count);
        foreach (var set in sets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = set.Evaluate(understanding);
            scores.Add(new SetScore(set.Name, report.Results.Count(r => r.BothCorrect), report.Count));
        }

        return new HeldOutScore(scores);
    }

    public GateDecision Compare(MessageUnderstanding current, MessageUnderstanding candidate, CancellationToken cancellationToken) =>
        new(Score(current, cancellationToken), Score(candidate, cancellationToken));
}
