using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Office.Storage.PostgreSql;

public static class PostgresDossiersServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the dossiers, their figures and the staff audit on the registered <see cref="PostgresDatabase"/>, after
    /// <see cref="OfficeServiceCollectionExtensions.AddOffice"/>: the office's rules stay the same services. The other
    /// records stay in the LiteDB file until their stores have a PostgreSQL engine too.
    /// </summary>
    public static IServiceCollection AddPostgresDossiers(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IUnitOfWork, PostgresUnitOfWork>());
        services.TryAddSingleton<PostgresDossierRecords>();
        services.Replace(ServiceDescriptor.Singleton<IDossierRecords>(sp => sp.GetRequiredService<PostgresDossierRecords>()));
        services.Replace(ServiceDescriptor.Singleton<IDossierFigures, PostgresDossierFigures>());
        services.Replace(ServiceDescriptor.Singleton<IStaffAuditLog, PostgresStaffAuditLog>());
        return services;
    }
}
