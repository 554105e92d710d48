using Microsoft.Bot.Builder;

namespace OneStopBot.Bot.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>Conversation and user state in the office database, with the cache of recently used documents.</summary>
    public static IServiceCollection AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.Section))
            .Validate(StateOptions.IsValid, "State:CachedDocuments must be between 1 and 1000000.")
            .ValidateOnStart();
        services.AddSingleton<StateCache>();
        services.AddSingleton<IStorage, LiteDbStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
