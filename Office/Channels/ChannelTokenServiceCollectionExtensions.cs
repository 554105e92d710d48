using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStopBot.Office.Channels;

public static class ChannelTokenServiceCollectionExtensions
{
    public static IServiceCollection AddChannelTokens(this IServiceCollection services)
    {
        services.TryAddSingleton<ChannelTokenStore>();
        return services;
    }
}
