using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

public static class NoticeStoresServiceCollectionExtensions
{
    /// <summary>Subscriptions, notices and their outbox, ratings, feedback and handoffs, and the service over them.</summary>
    public static IServiceCollection AddNoticeStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICollectionSetup, NoticeCollectionSetup>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<NoticeCollections>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<RatingStore>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<HandoffStore>();
        services.AddSingleton<NoticeService>();
        return services;
    }
}
