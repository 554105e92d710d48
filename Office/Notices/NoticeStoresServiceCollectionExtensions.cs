using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office;

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
        services.AddStore<IOutbox, Outbox>();
        services.AddStore<INoticeStore, NoticeStore>();
        services.AddStore<ISubscriptionStore, SubscriptionStore>();
        services.AddStore<IRatingStore, RatingStore>();
        services.TryAddSingleton<ISatisfactionSource>(sp => sp.GetRequiredService<RatingStore>());
        services.AddStore<IFeedbackStore, FeedbackStore>();
        services.AddStore<IHandoffStore, HandoffStore>();
        services.TryAddSingleton<NoticeService>();
        return services;
    }
}
