using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Reminders;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Sync;

namespace OneStopBot.Office;

public static class OfficeServiceCollectionExtensions
{
    /// <summary>The office's records: one LiteDB file and the stores over it.</summary>
    public static IServiceCollection AddOffice(this IServiceCollection services, IConfiguration configuration)
    {
        // Every section is checked when the host starts, so a wrong setting stops it with the setting's name.
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<OfficeOptions>().Bind(configuration.GetSection(OfficeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section))
            .Validate(o => o.Members.TrueForAll(m => m.PasswordHash.Length == 0 || StaffPassword.IsWellFormed(m.PasswordHash)),
                "Staff:Members:PasswordHash must be empty or made by the hash-password verb.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffCommuneProblems>();
        services.AddSingleton<StaffCommunes>();
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<LookupGuardOptions>().Bind(configuration.GetSection(LookupGuardOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddCommunes(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddSingleton<OfficeDatabase>();
        services.AddSingleton<ICollectionSetup, DossierCollectionSetup>();
        services.AddSingleton<ICollectionSetup, StaffAuditSetup>();
        services.AddSingleton<ICollectionSetup, ChatAddressMigration>();
        services.AddSingleton<ICollectionSetup, CommuneStamp>();
        services.AddSingleton<CommuneJoin>();

        services.AddSingleton<WorkingCalendar>();
        services.AddStore<IStaffAuditLog, StaffAuditLog>();
        services.AddSingleton<IUnitOfWork, LiteDbUnitOfWork>();
        services.AddStore<IDossierFigures, DailyFigures>();
        services.AddStore<IDossierRecords, DossierStore>();
        services.AddStore<IDossierStore, DossierDesk>();
        services.AddStore<IDossierArchive, DossierDesk>();
        services.AddSingleton<DossierImport>();
        services.AddSingleton<DossierUpdates>();
        services.TryAddSingleton<IProcedureObligations, NoFinancialObligations>();
        services.AddSingleton<LookupGuard>();
        services.AddSingleton<OfficeStatistics>();
        services.AddSingleton<ProvincialSync>();
        services.AddSingleton<FiguresReports>();
        services.AddSingleton<ProvinceFigures>();
        services.AddSingleton<DemoData>();
        services.AddStore<IUnansweredQuestionStore, UnansweredQuestionStore>();
        services.AddReminderStore(configuration);
        services.AddSingleton<ICollectionSetup, StaffAccountSetup>();
        services.AddStore<IStaffAccountStore, StaffAccountStore>();
        services.AddSingleton<ICollectionSetup, DossierSearchSetup>();
        services.AddSingleton<DossierSearch>();
        return services;
    }

    /// <summary>
    /// A store under its interface, which the rest of the system uses, and as itself, one instance for both (the
    /// office's own services share its transactions).
    /// </summary>
    public static IServiceCollection AddStore<TInterface, TStore>(this IServiceCollection services)
        where TInterface : class
        where TStore : class, TInterface
    {
        services.TryAddSingleton<TStore>();
        services.TryAddSingleton<TInterface>(sp => sp.GetRequiredService<TStore>());
        return services;
    }
}
