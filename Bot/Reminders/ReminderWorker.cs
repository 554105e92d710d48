using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Reminders;

namespace OneStopBot.Bot.Reminders;

/// <summary>
/// Every <see cref="ReminderOptions.ScanInterval"/>: plans the reminders of dossiers waiting for their residents, then
/// puts the due ones into the outbox, which sends them. Quiet hours hold them until the first round after SendFrom.
/// </summary>
public sealed class ReminderWorker(
    ReminderPlanner planner,
    ReminderStore store,
    CommuneContext communes,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderWorker> logger) : BackgroundService
{
    /// <summary>One round, each commune current in turn: what was planned and queued.</summary>
    public (int Planned, int Queued) RunOnce()
    {
        var rounds = communes.ForEach(_ => (Planned: planner.PlanFromDossiers(), Queued: store.QueueDue()));
        return (rounds.Sum(r => r.Result.Planned), rounds.Sum(r => r.Result.Queued));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    var (planned, queued) = RunOnce();
                    if (planned + queued > 0)
                    {
                        logger.LogInformation("Reminders: {Planned} planned, {Queued} queued for sending", planned, queued);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database or a bug: the next round tries again.
                    logger.LogError(e, "The reminders could not be processed");
                }
                await Task.Delay(options.Value.ScanInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("The reminder worker stopped; due reminders are queued after the next start");
        }
    }
}

public static class ReminderServiceCollectionExtensions
{
    /// <summary>The worker that sends reminders through the outbox.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<ReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderWorker>());
        return services;
    }
}
