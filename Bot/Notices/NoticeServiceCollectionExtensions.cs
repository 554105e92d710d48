using OneStopBot.Bot.Channels;
using OneStopBot.Dialogs;

namespace OneStopBot.Bot.Notices;

public static class NoticeServiceCollectionExtensions
{
    /// <summary>The notice records and service, proactive sending and the outbox worker.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNoticeFlows();
        services.AddOptions<ProactiveMessengerOptions>().Bind(configuration)
            .Validate(o => string.IsNullOrWhiteSpace(o.MicrosoftAppId) || Guid.TryParse(o.MicrosoftAppId, out _),
                "MicrosoftAppId must be empty (local testing only) or the bot's application ID, a GUID from its Azure Bot registration.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.IsValid(), "Outbox: MaxAttempts, BatchSize, MaxConcurrency, FanOutPageSize and every RateLimits value must be at least 1, QuickRetries 0 or more, "
                + "PollInterval, SendTimeout and RateLimitWindow positive, RetryDelay and QuickRetryDelay not negative.")
            .ValidateOnStart();
        services.AddSingleton<ProactiveMessenger>();
        services.AddMetrics();
        services.AddSingleton<OutboxTelemetry>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return services;
    }
}
