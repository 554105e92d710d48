using Microsoft.Extensions.Options;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Communes;

namespace OneStopBot.Bot.Channels.Zalo;

public static class ZaloServiceCollectionExtensions
{
    /// <summary>The Zalo OA channel: options from section <c>Zalo</c>, the API clients, the sender and the adapter.</summary>
    public static IServiceCollection AddZalo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZaloOptions>()
            .Bind(configuration.GetSection(ZaloOptions.Section))
            .Validate(o => IsHttpUrl(o.ApiBaseUrl) && IsHttpUrl(o.OAuthBaseUrl), "Zalo:ApiBaseUrl and Zalo:OAuthBaseUrl must be absolute http(s) URLs.")
            .Validate(o => o.MaxTextLength >= 2 && o.MaxBodyBytes > 0 && o.RateLimit.RequestsPerMinute > 0, "Zalo: MaxTextLength must be at least 2, MaxBodyBytes and RateLimit:RequestsPerMinute positive.")
            .Validate(o => o.MaxEventAge > TimeSpan.Zero && o.MaxClockSkew >= TimeSpan.Zero && o.RedeliveryWindow > o.MaxEventAge + o.MaxClockSkew,
                "Zalo: MaxEventAge must be positive and RedeliveryWindow longer than MaxEventAge plus MaxClockSkew.")
            .Validate(o => o.MaxPendingTurns >= 1 && o.Inbox.IsValid(),
                "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1, RetryDelay not negative, PollInterval positive, ReplyHold at least 1 second.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommunesOptions>, ZaloOaIdProblems>();
        services.AddChannelTokens();
        services.AddInbox();

        services.AddZaloHttpClient<ZaloApiClient>(o => o.ApiBaseUrl);
        services.AddZaloHttpClient<ZaloOAuthClient>(o => o.OAuthBaseUrl);

        services.AddSingleton<ZaloTokenProvider>();
        services.AddKeyedSingleton(ZaloSender.RateLimiterKey, (sp, _) => sp.GetRequiredService<IOptions<ZaloOptions>>().Value.RateLimit.CreateLimiter());
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<ZaloChoiceMemory>();
        services.AddSingleton<ZaloAdapter>();
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<ZaloAdapter>());
        services.AddSingleton<ZaloInboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloInboxWorker>());
        services.AddSingleton<ZaloWebhook>();
        return services;
    }

    /// <summary><c>POST /api/zalo</c>; it answers 404 while the channel is not configured.</summary>
    public static IEndpointRouteBuilder MapZalo(this IEndpointRouteBuilder app)
    {
        app.MapPost(ZaloWebhook.Route, (HttpContext context, ZaloWebhook webhook) => webhook.HandleAsync(context));
        return app;
    }

    /// <summary>
    /// The clients live inside singletons, so connections are recycled by the handler itself rather than by
    /// the factory's handler rotation, which a captured client would never see.
    /// </summary>
    private static void AddZaloHttpClient<TClient>(this IServiceCollection services, Func<ZaloOptions, string> baseUrl)
        where TClient : class
    {
        services.AddHttpClient<TClient>((sp, http) =>
            {
                var url = baseUrl(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ZaloOptions>>().Value);
                http.BaseAddress = new Uri(url.TrimEnd('/') + "/");
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    // A commune's own OA says whose a message is: two communes cannot share one, and an id is Zalo's digits.
    // With several communes its replies go out with its own tokens, so an OA and its tokens come together.
    private sealed class ZaloOaIdProblems : IValidateOptions<CommunesOptions>
    {
        public ValidateOptionsResult Validate(string? name, CommunesOptions options)
        {
            string Item(int index) => options.IsListed ? $"{CommunesOptions.Section}:{index}" : OneStopBot.Office.OfficeOptions.Section;
            var ids = options.Communes.Select((c, i) => (Index: i, Id: c.Office.ZaloOaId)).Where(x => x.Id.Length > 0).ToList();
            var several = options.Communes.Count > 1;
            var problems = ids.Where(x => x.Id.Length > 32 || !x.Id.All(char.IsAsciiDigit))
                .Select(x => $"{Item(x.Index)}:ZaloOaId must be the OA's id, digits only, e.g. 579745863508352884.")
                .Concat(ids.GroupBy(x => x.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
                    .Select(g => $"{CommunesOptions.Section}: the ZaloOaId {g.Key} is given to more than one commune; it says whose a message is."))
                .Concat(several ? options.Communes.Select((c, i) => TokenProblem(c.Office, Item(i))).OfType<string>() : [])
                .ToList();
            return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
        }

        private static string? TokenProblem(OneStopBot.Office.OfficeOptions office, string item) =>
            office.ZaloOaId.Length > 0
                ? office.ZaloAccessToken.Length == 0
                    ? $"{item}:ZaloAccessToken must be set with ZaloOaId (and ZaloRefreshToken to renew it): replies to the commune's OA are sent with its own token."
                    : null
                : office.ZaloAccessToken.Length > 0 || office.ZaloRefreshToken.Length > 0
                    ? $"{item}:ZaloAccessToken and ZaloRefreshToken belong to a commune's own OA: set its ZaloOaId, or remove them."
                    : null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
