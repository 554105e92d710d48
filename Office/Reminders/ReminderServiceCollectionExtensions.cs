using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>The reminder records and their settings, checked at start-up. Safe to call more than once.</summary>
    public static IServiceCollection AddReminderStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidation>());
        services.AddNoticeStores();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICollectionSetup, ReminderCollectionSetup>());
        services.TryAddSingleton<ReminderStore>();
        return services;
    }
}

/// <summary>Names the one setting that is wrong, as the other start-up checks do.</summary>
internal sealed class ReminderOptionsValidation : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
