using OneStopBot.Office;
using OneStopBot.Bot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Staff;

/// <summary>The questions the bot could not answer, newest first, for staff to improve the procedure files.</summary>
public static class StaffQuestionEndpoints
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;

    public static RouteGroupBuilder MapQuestionEndpoints(this RouteGroupBuilder staff)
    {
        staff.MapGet("questions", GetUnanswered).ProducesProblem(StatusCodes.Status400BadRequest);
        return staff;
    }

    internal static Results<Ok<QuestionResponse[]>, ProblemHttpResult> GetUnanswered(IUnansweredQuestionStore questions, int? count) =>
        count is < 1 or > MaxCount
            ? TypedResults.Problem(TextTemplate.Fill(ProblemTexts.QuestionCount, MaxCount), statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(questions.Latest(count ?? DefaultCount).Select(QuestionResponse.From).ToArray());
}
