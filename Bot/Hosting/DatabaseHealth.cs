using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// <c>/healthz</c> tells the truth about what residents depend on: every collection of the database file can be
/// read, and the outbox worker is running. Otherwise 503 with the reason.
/// </summary>
public sealed class DatabaseHealthCheck(OfficeDatabase database, OutboxWorker outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (database.HealthProblem() is { } problem)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(problem));
        }
        if (outbox.ExecuteTask is { IsCompleted: true })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The outbox worker has stopped: notices and notifications are not sent."));
        }
        return Task.FromResult(HealthCheckResult.Healthy());
    }

    /// <summary>The status, and the reason when unhealthy, as plain text.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d));
        return context.Response.WriteAsync(string.Join("\n", [report.Status.ToString(), .. reasons]));
    }
}

/// <summary>Checks the database file before the host opens it, and says in one line what to do when it is unusable.</summary>
public static class DatabaseStartCheck
{
    public static string DatabasePath(IConfiguration configuration) =>
        Path.GetFullPath(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"] ?? new StorageOptions().DatabasePath);

    /// <summary>The line to print and stop with, or null when the file is usable (or new).</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var path = DatabasePath(configuration);
        // Checked first: a file another process is writing is never opened, nor copied for the check below.
        if (OfficeDatabase.InUse(path))
        {
            return $"The database {path} is in use by another process (a running bot, or a verb such as chat or seed-demo): "
                + "stop it first, or give this one another file with --Storage:DatabasePath=<file>.";
        }
        return OfficeDatabase.FileProblem(path) is { } reason
            ? $"Cannot open the database {path}: {reason.ReplaceLineEndings(" ").TrimEnd('.', ' ')}. The file was not changed. "
              + "Restore the last backup (dotnet run --project Bot -- restore <backup file>), move the file aside to start with an empty database, "
              + "or set Storage:DatabasePath to another file."
            : null;
    }
}
