using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

public static class NoticeStoresServiceCollectionExtensions
{
    /// <summary>
    /// Subscriptions, notices and their outbox, ratings, feedback and handoffs, and the service over them. Safe to call
    /// more than once: the chat flows and the outbox worker both need them.
    /// </summary>
    public static IServiceCollection AddNoticeStores(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICollectionSetup, NoticeCollectionSetup>());
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<NoticeCollections>();
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<NoticeStore>();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<RatingStore>();
        services.TryAddSingleton<ISatisfactionSource>(sp => sp.GetRequiredService<RatingStore>());
        services.TryAddSingleton<FeedbackStore>();
        services.TryAddSingleton<HandoffStore>();
        services.TryAddSingleton<NoticeService>();
        return services;
    }
}
