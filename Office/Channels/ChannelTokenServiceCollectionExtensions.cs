using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Channels;

public static class ChannelTokenServiceCollectionExtensions
{
    public static IServiceCollection AddChannelTokens(this IServiceCollection services)
    {
        services.AddStore<IChannelTokenStore, ChannelTokenStore>();
        return services;
    }
}
