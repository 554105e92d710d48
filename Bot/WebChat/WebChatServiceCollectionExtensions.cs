using OneStopBot.Bot.Qr;

namespace OneStopBot.Bot.WebChat;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>The page's settings (its public address for QR codes, the names it shows) and the procedure list.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.Section))
            .Validate(o => o.IsValid(), "WebChat:PublicUrl must be empty or an absolute http(s) address.")
            .ValidateOnStart();
        services.AddOptions<OfficeNames>().Bind(configuration.GetSection(OfficeNames.Section));
        services.AddSingleton<IProcedureDirectory, CatalogProcedureDirectory>();
        return services;
    }
}
