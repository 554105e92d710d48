namespace OneStopBot.Knowledge.Understanding;

/// <summary>How the classifier's probabilities become one of the three bands, where the rule is more than a threshold.</summary>
public static class ConfidenceRules
{
    /// <summary>
    /// Unsure a message is out of scope (<paramref name="none"/> below the answer band) while a procedure comes close
    /// (<paramref name="closest"/> in the confirm band or above): asking "Có phải anh/chị hỏi về …?" beats a list.
    /// </summary>
    public static bool ConfirmsClosest(double none, double closest) =>
        none < MessageUnderstanding.AnswerProbability && closest >= MessageUnderstanding.ConfirmProbability;
}
