using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Channels;

public static class ChannelTokenServiceCollectionExtensions
{
    public static IServiceCollection AddChannelTokens(this IServiceCollection services)
    {
        services.AddStore<IChannelTokenStore, ChannelTokenStore>();
        return services;
    }

    /// <summary>The inbox of webhook events, whose turns' replies go to the outbox.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddNoticeStores();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICollectionSetup, InboxSetup>());
        services.AddStore<IInbox, Inbox>();
        return services;
    }
}
