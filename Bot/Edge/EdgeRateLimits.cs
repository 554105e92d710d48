using OneStopBot.Bot.Hosting;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Edge;

/// <summary>Configuration section <c>Edge</c>: limits per client address, and the proxies whose forwarded headers count.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>Web chat conversations (tokens or starts) one address may create per minute.</summary>
    public int ConversationStartsPerMinute { get; set; } = 30;

    /// <summary>Failed staff credentials (API keys, web chat sign-ins) one address may send per <see cref="FailureWindow"/>.</summary>
    public int MaxFailedCredentials { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Addresses of reverse proxies in front of the host; <c>X-Forwarded-For/Proto/Host</c> are believed from these
    /// (and from <see cref="KnownNetworks"/>) only.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR form (<c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsValid() =>
        ConversationStartsPerMinute > 0 && MaxFailedCredentials > 0 && FailureWindow > TimeSpan.Zero
        && KnownProxies.TrueForAll(proxy => IPAddress.TryParse(proxy, out _))
        && KnownNetworks.TrueForAll(network => System.Net.IPNetwork.TryParse(network, out _));
}

/// <summary>
/// Rate limits at the edge, with ASP.NET Core's rate limiting: creating web chat conversations per client address,
/// and failed staff credentials per address (a blocked address is refused before its credential is even looked at).
/// </summary>
public static class EdgeRateLimits
{
    public const string ConversationStarts = "conversation-starts";

    public static IServiceCollection AddEdgeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EdgeOptions>().Bind(configuration.GetSection(EdgeOptions.Section))
            .Validate(o => o.IsValid(), "Edge: ConversationStartsPerMinute, MaxFailedCredentials and FailureWindow must be positive, KnownProxies IP addresses and KnownNetworks CIDR networks.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<EdgeOptions>>((forwarded, edge) =>
        {
            // With no proxy named the headers are ignored: empty lists would make the middleware believe anyone.
            forwarded.ForwardedHeaders = edge.Value.KnownProxies.Count == 0 && edge.Value.KnownNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; only the proxies the office names are believed.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in edge.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in edge.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddSingleton<FailedCredentials>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => new ValueTask(
                Results.Problem(ProblemTexts.TooManyRequests, statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(rejected.HttpContext));
            limiter.AddPolicy(ConversationStarts, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.ConversationStartsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>Forwarded headers from known proxies, then the limits; before any endpoint runs.</summary>
    /// <summary>The client's address from forwarded headers of configured proxies; first, before anything reads it.</summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>The limits; after routing, which names the endpoint whose policy applies.</summary>
    public static WebApplication UseEdgeRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client's address as the rate limits see it; an in-process caller (tests) is "local".</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}

/// <summary>Failed staff credentials per client address, in fixed windows.</summary>
public sealed class FailedCredentials(IOptions<EdgeOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MaxFailedCredentials,
            Window = options.Value.FailureWindow,
            QueueLimit = 0,
        }));

    /// <summary>Whether the address has used up its failures for now.</summary>
    public bool IsBlocked(HttpContext http) => failures.GetStatistics(EdgeRateLimits.ClientAddress(http))?.CurrentAvailablePermits == 0;

    public void Record(HttpContext http)
    {
        using var lease = failures.AttemptAcquire(EdgeRateLimits.ClientAddress(http));
    }

    public void Dispose() => failures.Dispose();
}
