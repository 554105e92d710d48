using Microsoft.AspNetCore.WebUtilities;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// Every error answer of the host is a ProblemDetails body: the endpoints' own problems, and also the 4xx that
/// ASP.NET Core writes with an empty body (no route, wrong method, no API key) and any unhandled exception. The
/// generic English titles become Vietnamese, as office staff read these answers too; a specific title is kept.
/// </summary>
public static class ProblemResponses
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Yêu cầu không hợp lệ",
        [StatusCodes.Status401Unauthorized] = "Chưa xác thực",
        [StatusCodes.Status403Forbidden] = "Không có quyền",
        [StatusCodes.Status404NotFound] = "Không tìm thấy",
        [StatusCodes.Status405MethodNotAllowed] = "Phương thức không được hỗ trợ",
        [StatusCodes.Status408RequestTimeout] = "Quá thời gian chờ",
        [StatusCodes.Status409Conflict] = "Xung đột dữ liệu",
        [StatusCodes.Status413PayloadTooLarge] = "Nội dung quá lớn",
        [StatusCodes.Status415UnsupportedMediaType] = "Kiểu nội dung không được hỗ trợ",
        [StatusCodes.Status429TooManyRequests] = "Quá nhiều yêu cầu",
        [StatusCodes.Status500InternalServerError] = "Lỗi hệ thống",
        [StatusCodes.Status503ServiceUnavailable] = "Dịch vụ tạm ngừng",
    };

    // Titles ASP.NET Core fills in itself beside the reason phrases: validation problems, and 413 by its newer name.
    private static readonly HashSet<string> EnglishDefaults = new(StringComparer.Ordinal)
    {
        "One or more validation errors occurred.", "Content Too Large", "Payload Too Large",
    };

    public static IServiceCollection AddProblemResponses(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if ((problem.Title is null || EnglishDefaults.Contains(problem.Title) || problem.Title == ReasonPhrases.GetReasonPhrase(status))
                && Titles.TryGetValue(status, out var title))
            {
                problem.Title = title;
            }
        });

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        // A body that cannot be bound is the client's mistake (400, 413), not the server's.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseMiddleware<ClientFaults>();
        app.UseStatusCodePages();
        return app;
    }
}
