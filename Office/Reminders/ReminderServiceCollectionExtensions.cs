using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>The reminder records and their settings, checked at start-up. Safe to call more than once.</summary>
    public static IServiceCollection AddReminderStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.Problem() is null, "Reminders: SendFrom must be before SendUntil, VisitReminderAt between them, "
                + "DeadlineLeadDays and SupplementWorkingDays from 1 to 30, ScanInterval from 1 second to 1 hour.")
            .ValidateOnStart();
        services.AddNoticeStores();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICollectionSetup, ReminderCollectionSetup>());
        services.TryAddSingleton<ReminderStore>();
        return services;
    }
}
