using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Understanding;

/// <summary>
/// "None" with low confidence while a procedure comes close confirms that procedure ("Có phải anh/chị hỏi về …?");
/// a sure none, or none with nothing close, stays none. Each row: the probability of none, of the closest procedure,
/// and whether the closest is offered to confirm.
/// </summary>
public sealed class ConfidenceRulesTests
{
    [Theory]
    [InlineData(0.45, 0.30, true)]
    [InlineData(0.30, MessageUnderstanding.ConfirmProbability, true)]
    [InlineData(0.49, 0.49, true)]
    [InlineData(MessageUnderstanding.AnswerProbability, 0.40, false)]
    [InlineData(0.90, 0.05, false)]
    [InlineData(0.40, 0.19, false)]
    [InlineData(0.10, 0.0, false)]
    public void None_with_low_confidence_confirms_the_closest_procedure(double none, double closest, bool confirms) =>
        Assert.Equal(confirms, ConfidenceRules.ConfirmsClosest(none, closest));
}
