using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>What a question about procedures asks the conversation to do, from what understanding found in it.</summary>
public static class QuestionReading
{
    private const int VagueQuestionSyllables = 2;

    /// <param name="context">The procedure the conversation is about, if any.</param>
    public static Understanding Read(MessageUnderstanding understanding, string? text, string? context = null)
    {
        var understood = understanding.Understand(text, context);
        if (understood.Intent != Intent.Ask || understood.ProcedureId is not { } best)
        {
            return understood;
        }
        // One or two words ("đất", "chứng thực") name a family of procedures: let the resident choose.
        if (understood.Alternatives.Count > 0 && VietnameseText.Syllables(understood.Text).Count <= VagueQuestionSyllables)
        {
            return understood with { ProcedureId = null, Alternatives = [best, .. understood.Alternatives] };
        }
        // One everyday word that shares a single syllable with a procedure's name ("mai": ngày mai, or mai táng phí?)
        // does not yet ask about it: the resident is asked what is meant.
        if (understood.Band == ConfidenceBand.Answer && understanding.SyllableCount(understood.Text) == 1)
        {
            return understood with { Band = ConfidenceBand.Confirm };
        }
        // "thủ tục đăng ký thường trú" names the procedure; a first answer about it gives everything, steps included.
        return understood.Aspect == ProcedureAspect.Steps ? understood with { Aspect = ProcedureAspect.None } : understood;
    }
}
