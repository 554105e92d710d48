using OneStopBot.Bot.Hosting;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>Addresses whose failures are remembered at once; past it, those that tried least recently are forgotten first.</summary>
    public int TrackedAddresses { get; set; } = 100_000;

    /// <summary>
    /// Addresses of reverse proxies in front of the host; <c>X-Forwarded-For/Proto/Host</c> are believed from these
    /// (and from <see cref="KnownNetworks"/>) only.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR form (<c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsValid() =>
        ConversationStartsPerMinute > 0 && MaxFailedCredentials > 0 && FailureWindow > TimeSpan.Zero && TrackedAddresses > 0
        && KnownProxies.TrueForAll(proxy => IPAddress.TryParse(proxy, out _))
        && KnownNetworks.TrueForAll(network => System.Net.IPNetwork.TryParse(network, out _));
}

/// <summary>
/// Rate limits at the edge, with System.Threading.RateLimiting's limiters: creating web chat conversations per client address,
/// and failed staff credentials per address (a blocked address is refused before its credential is even looked at).
/// </summary>
public static class EdgeRateLimits
{
    public static IServiceCollection AddEdgeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EdgeOptions>().Bind(configuration.GetSection(EdgeOptions.Section))
            .Validate(o => o.IsValid(), "Edge: ConversationStartsPerMinute, MaxFailedCredentials, FailureWindow and TrackedAddresses must be positive, KnownProxies IP addresses and KnownNetworks CIDR networks.")
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
        services.AddSingleton<ConversationStartLimits>();
        return services;
    }

    /// <summary>Forwarded headers from known proxies, then the limits; before any endpoint runs.</summary>
    /// <summary>The client's address from forwarded headers of configured proxies; first, before anything reads it.</summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// Limits conversations created per client address on an endpoint. An endpoint filter over a limiter the container
    /// owns rather than ASP.NET Core's middleware, whose endpoint limiter is never disposed and keeps every stopped host
    /// alive through its timer.
    /// </summary>
    public static TBuilder RequireConversationStartLimit<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            using var lease = context.HttpContext.RequestServices.GetRequiredService<ConversationStartLimits>().Acquire(context.HttpContext);
            return lease.IsAcquired
                ? await next(context)
                : Results.Problem(ProblemTexts.TooManyRequests, statusCode: StatusCodes.Status429TooManyRequests);
        });

    /// <summary>The client's address as the rate limits see it; an in-process caller (tests) is "local".</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}

/// <summary>
/// Failed staff credentials per client address, in fixed windows. An attempt is counted, in one step with the check of
/// the count, before its credential is compared, and taken back only when the credential was right: N concurrent wrong
/// credentials are N counted attempts, and none past the limit is compared. Each address's window is an entry of a
/// bounded memory cache that expires when the window ends, on the injected clock.
/// </summary>
public sealed class FailedCredentials(IOptions<EdgeOptions> options, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private readonly int capacity = options.Value.TrackedAddresses;
    private readonly MemoryCache windows = MemoryCaches.Bounded(options.Value.TrackedAddresses, time);

    /// <summary>Addresses whose failures are remembered now.</summary>
    internal int TrackedCount => windows.Count;

    /// <summary>Counts an attempt from the request's address before its credential is compared; null when the address has used up its failures.</summary>
    public CredentialAttempt? TryBegin(HttpContext http)
    {
        var address = EdgeRateLimits.ClientAddress(http);
        lock (gate)
        {
            if (!windows.TryGetValue(address, out Window? window) || window is null)
            {
                window = new Window();
                windows.SetMakingRoom(address, window, capacity, options.Value.FailureWindow);
            }
            if (window.Count >= options.Value.MaxFailedCredentials)
            {
                return null;
            }
            window.Count++;
            return new CredentialAttempt(this, window);
        }
    }

    /// <summary>A right credential is no failure: its attempt leaves the count of the window it was counted in.</summary>
    internal void Forgive(Window window)
    {
        lock (gate)
        {
            if (window.Count > 0)
            {
                window.Count--;
            }
        }
    }

    public void Dispose() => windows.Dispose();

    /// <summary>One address's failures in its current window; changed under the gate only.</summary>
    internal sealed class Window
    {
        public int Count { get; set; }
    }
}

/// <summary>One counted credential attempt; <see cref="Succeeded"/> when the credential was right.</summary>
public sealed class CredentialAttempt
{
    private readonly FailedCredentials owner;
    private readonly FailedCredentials.Window window;

    internal CredentialAttempt(FailedCredentials owner, FailedCredentials.Window window)
    {
        this.owner = owner;
        this.window = window;
    }

    public void Succeeded() => owner.Forgive(window);
}

/// <summary>Conversations created per client address, in fixed one-minute windows (<see cref="EdgeOptions.ConversationStartsPerMinute"/>).</summary>
public sealed class ConversationStartLimits(IOptions<EdgeOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.ConversationStartsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(HttpContext http) => limiter.AttemptAcquire(EdgeRateLimits.ClientAddress(http));

    public void Dispose() => limiter.Dispose();
}
