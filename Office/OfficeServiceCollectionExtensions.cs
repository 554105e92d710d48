using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office;

public static class OfficeServiceCollectionExtensions
{
    /// <summary>The office's records: one LiteDB file and the stores over it.</summary>
    public static IServiceCollection AddOffice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<OfficeOptions>().Bind(configuration.GetSection(OfficeOptions.Section));
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section))
            .Validate(o => o.Members.TrueForAll(m => m.PasswordHash.Length == 0 || StaffPassword.IsWellFormed(m.PasswordHash)),
                "Staff: a member's PasswordHash must be made by the hash-password verb.")
            .ValidateOnStart();
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section));
        services.AddOptions<LookupGuardOptions>().Bind(configuration.GetSection(LookupGuardOptions.Section))
            .Validate(o => o.MaxFailures > 0 && o.MaxWrongDigits > 0 && o.Window > TimeSpan.Zero && o.DigitsWindow > TimeSpan.Zero,
                "Lookup: MaxFailures, MaxWrongDigits, Window and DigitsWindow must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddSingleton<OfficeDatabase>();
        services.AddSingleton<ICollectionSetup, DossierCollectionSetup>();
        services.AddSingleton<ICollectionSetup, StaffAuditSetup>();
        services.AddSingleton<ICollectionSetup, ChatAddressMigration>();

        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<StaffAuditLog>();
        services.AddSingleton<DailyFigures>();
        services.AddSingleton<DossierStore>();
        services.AddSingleton<DossierImport>();
        services.AddSingleton<DossierUpdates>();
        services.TryAddSingleton<IProcedureObligations, NoFinancialObligations>();
        services.AddSingleton<LookupGuard>();
        services.AddSingleton<OfficeStatistics>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<UnansweredQuestionStore>();
        return services;
    }
}
