using Microsoft.Extensions.Options;
using OneStopBot.Bot.Qr;

namespace OneStopBot.Bot.WebChat;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>The CORS policy of the Direct Line endpoint: the origins of <see cref="WebChatOptions.AllowedOrigins"/>.</summary>
    public const string CorsPolicy = "webchat-origins";

    /// <summary>The page's settings (its public address for QR codes, the names it shows) and the procedure list.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.Section))
            .Validate(o => o.IsValid(),
                "WebChat:PublicUrl must be empty or an absolute http(s) address; WebChat:AllowedOrigins bare origins such as https://xa.gov.vn (no path, no trailing slash).")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, webChat) =>
            cors.AddPolicy(CorsPolicy, policy => policy.WithOrigins([.. webChat.Value.AllowedOrigins]).AllowAnyHeader().AllowAnyMethod()));
        services.AddOptions<OfficeNames>().Bind(configuration.GetSection(OfficeNames.Section));
        services.AddSingleton<IProcedureDirectory, CatalogProcedureDirectory>();
        return services;
    }
}
