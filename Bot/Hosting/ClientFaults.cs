using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Routing;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// A request body that arrives too slowly, is cut short or is abandoned is the client's doing, not a fault of the
/// host: one line at Information level (which route, what happened), no stack trace, and a 4xx ProblemDetails when
/// the client still listens. Every other exception goes on to the exception handler.
/// </summary>
public sealed class ClientFaults(RequestDelegate next, ILogger<ClientFaults> logger, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        try
        {
            await next(httpContext);
        }
        catch (Exception exception) when (IsClientFault(exception, httpContext, out var status) && !httpContext.Response.HasStarted)
        {
            // The route's pattern, not its path: a path may carry a conversation id, which logs never show.
            var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "?";
            logger.LogInformation("Client fault on {Method} {Route}: {Status} {Reason}", httpContext.Request.Method, route, status, exception.Message);
            httpContext.Response.StatusCode = status;
            if (!httpContext.RequestAborted.IsCancellationRequested)
            {
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails = { Status = status, Detail = ProblemTexts.BodyNotReceived },
                });
            }
        }
    }

    private static bool IsClientFault(Exception exception, HttpContext httpContext, out int status)
    {
        status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            ConnectionResetException => StatusCodes.Status499ClientClosedRequest,
            OperationCanceledException or IOException when httpContext.RequestAborted.IsCancellationRequested => StatusCodes.Status499ClientClosedRequest,
            _ => 0,
        };
        return status > 0;
    }
}
