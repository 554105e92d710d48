using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office;

public static class OfficeServiceCollectionExtensions
{
    /// <summary>The office's records: one LiteDB file and the stores over it.</summary>
    public static IServiceCollection AddOffice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<OfficeOptions>().Bind(configuration.GetSection(OfficeOptions.Section));
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section));
        services.AddSingleton<OfficeDatabase>();
        return services;
    }
}
