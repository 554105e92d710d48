using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Wording;

/// <summary>The words of a rating: the buttons residents choose from, and what staff read beside a rating.</summary>
public static class RatingWording
{
    /// <summary>Each rating's words, in the order residents see the buttons.</summary>
    public static readonly IReadOnlyList<(string Label, Satisfaction Score)> Choices =
    [
        (RatingWordingTexts.Satisfied, Satisfaction.Satisfied),
        (RatingWordingTexts.Neutral, Satisfaction.Neutral),
        (RatingWordingTexts.Unsatisfied, Satisfaction.Unsatisfied),
    ];

    public static string Label(this Satisfaction score) => Choices.First(c => c.Score == score).Label;
}

/// <summary>Texts of <see cref="RatingWording"/>.</summary>
public static class RatingWordingTexts
{
    public const string Satisfied = "Hài lòng";
    public const string Neutral = "Bình thường";
    public const string Unsatisfied = "Không hài lòng";
}
