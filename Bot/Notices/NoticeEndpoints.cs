using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Bot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStopBot.Bot.Staff;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.Notices;

/// <summary><c>POST /api/staff/notices</c> to broadcast, <c>GET /api/staff/notices/{id}</c> to follow its delivery.</summary>
public static class NoticeEndpoints
{
    public static RouteGroupBuilder MapNoticeEndpoints(this RouteGroupBuilder staff)
    {
        staff.MapPost("/notices", Broadcast).ProducesProblem(StatusCodes.Status400BadRequest);
        staff.MapGet("/notices/{id:int}", Status).ProducesProblem(StatusCodes.Status404NotFound);
        return staff;
    }

    public static Results<Accepted<NoticeAccepted>, ProblemHttpResult> Broadcast(
        NoticeRequest? request, NoticeService service, HttpContext context)
    {
        if (request is null)
        {
            return TypedResults.Problem(ProblemTexts.NoticeBodyRequired, statusCode: StatusCodes.Status400BadRequest);
        }
        var outcome = service.Broadcast(request.Text, request.Village, StaffApi.ApiActor);
        if (!outcome.Succeeded)
        {
            return InvalidInput(outcome.Error!);
        }
        var id = outcome.Value!.Id;
        return TypedResults.Accepted($"{context.Request.PathBase}/api/staff/notices/{id}", new NoticeAccepted(id));
    }

    /// <summary>A 400 that names the field and says, in the office's words, what is wrong with it.</summary>
    public static ProblemHttpResult InvalidInput(InputError error) =>
        TypedResults.Problem(
            detail: error.Message(),
            statusCode: StatusCodes.Status400BadRequest,
            title: TextTemplate.Fill(ProblemTexts.InvalidFieldTitle, error.Field),
            extensions: new Dictionary<string, object?> { ["field"] = error.Field });

    public static Results<Ok<NoticeStatus>, ProblemHttpResult> Status(int id, INoticeStore notices)
    {
        if (notices.Progress(id) is not { } progress)
        {
            return TypedResults.Problem(TextTemplate.Fill(ProblemTexts.NoticeNotFound, id), statusCode: StatusCodes.Status404NotFound);
        }
        var notice = progress.Notice;
        return TypedResults.Ok(new NoticeStatus(notice.Id, notice.Text, notice.Village, progress.Sent, progress.Pending, progress.Failed, notice.CreatedAt));
    }
}

public sealed record NoticeRequest(string? Text, string? Village);

public sealed record NoticeAccepted(int Id);

public sealed record NoticeStatus(int Id, string Text, string? Village, int Sent, int Pending, int Failed, DateTimeOffset CreatedAt);
