using Microsoft.Extensions.Options;
using OneStopBot.Dialogs;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Bot.Channels.Turns;

public static class TurnServiceCollectionExtensions
{
    /// <summary>The pipeline every adapter attaches (see <see cref="TurnPipeline"/>), with its validated limits.</summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TurnOptions>()
            .Bind(configuration.GetSection(TurnOptions.Section))
            .Validate(TurnOptions.IsValid, "Turns:MaxTextLength must be between 100 and 100000.")
            .ValidateOnStart();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<ConversationTurns>();
        services.AddSingleton<IncomingTextLimit>();
        services.AddSingleton<MarkdownLinesMiddleware>();
        services.AddCommuneTurns();
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}
