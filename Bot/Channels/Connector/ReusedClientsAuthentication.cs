using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace OneStopBot.Bot.Channels.Connector;

/// <summary>
/// The configured Bot Framework authentication, with its connector and user-token clients reused. The SDK builds
/// both for every turn and disposes them after it; building one costs more than a whole echo turn (Microsoft.Rest
/// compiles its regular expressions in every constructor). Here a turn gets a light stand-in that creates the real
/// client on first use only, once per bot identity, service URL and audience, and keeps it until the host stops:
/// a turn answered with <c>expectReplies</c>, which never calls the connector, builds nothing.
/// </summary>
public sealed class ReusedClientsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication, IDisposable
{
    // Service URLs come from authenticated turns (or loopback ones in local testing); past this many distinct ones a
    // client is built for its turn alone, as the SDK does, so the cache cannot grow without bound.
    internal const int MaxCachedClients = 64;

    private readonly ConcurrentDictionary<(string? Bot, string ServiceUrl, string? Audience), Lazy<Task<IConnectorClient>>> connectors = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<UserTokenClient>>> tokenClients = new(StringComparer.Ordinal);

    /// <summary>How many real connector clients have been built, for the tests.</summary>
    internal int ConnectorClientsBuilt => connectors.Values.Count(c => c.IsValueCreated);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusingConnectorFactory(this, BotOf(claimsIdentity), inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var shared = tokenClients.GetOrAdd(
            BotOf(claimsIdentity) ?? string.Empty,
            _ => new Lazy<Task<UserTokenClient>>(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));
        return Task.FromResult<UserTokenClient>(new SharedUserTokenClient(shared));
    }

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public void Dispose()
    {
        foreach (var client in connectors.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            client.Value.Result.Dispose();
        }
        foreach (var client in tokenClients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            client.Value.Result.Dispose();
        }
        connectors.Clear();
        tokenClients.Clear();
    }

    private AuthenticateRequestResult Reusing(AuthenticateRequestResult result) => new()
    {
        ClaimsIdentity = result.ClaimsIdentity,
        Audience = result.Audience,
        CallerId = result.CallerId,
        ConnectorFactory = new ReusingConnectorFactory(this, BotOf(result.ClaimsIdentity), result.ConnectorFactory),
    };

    // The claims the SDK builds a connector's credentials from: the bot the turn is for, and who called it.
    private static string? BotOf(ClaimsIdentity? identity) =>
        identity is null
            ? null
            : string.Join('|', new[] { AuthenticationConstants.AudienceClaim, AuthenticationConstants.AppIdClaim, AuthenticationConstants.AuthorizedParty }
                .Select(type => identity.FindFirst(type)?.Value));

    private Task<IConnectorClient> Connector(string? bot, string serviceUrl, string? audience, ConnectorFactory factory)
    {
        var key = (bot, serviceUrl, audience);
        if (!connectors.ContainsKey(key) && connectors.Count >= MaxCachedClients)
        {
            return factory.CreateAsync(serviceUrl, audience, CancellationToken.None);
        }
        return connectors.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() => factory.CreateAsync(serviceUrl, audience, CancellationToken.None))).Value;
    }

    private sealed class ReusingConnectorFactory(ReusedClientsAuthentication owner, string? bot, ConnectorFactory inner) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            Task.FromResult<IConnectorClient>(new SharedConnectorClient(serviceUrl, () => owner.Connector(bot, serviceUrl, audience, inner)));
    }

    /// <summary>
    /// What a turn holds instead of the real client: calls go to the shared client, created on the first call;
    /// disposing it at the end of the turn leaves the shared one open.
    /// </summary>
    private sealed class SharedConnectorClient(string serviceUrl, Func<Task<IConnectorClient>> real) : IConnectorClient
    {
        private IConnectorClient? created;

        public Uri BaseUri { get; set; } = new(serviceUrl);

        // Known once the real client exists; nothing in the SDK reads them from a turn's client.
        public JsonSerializerSettings SerializationSettings => created?.SerializationSettings ?? new JsonSerializerSettings();

        public JsonSerializerSettings DeserializationSettings => created?.DeserializationSettings ?? new JsonSerializerSettings();

        public ServiceClientCredentials? Credentials => created?.Credentials;

        public IAttachments Attachments => new SharedAttachments(RealAsync);

        public IConversations Conversations => new SharedConversations(RealAsync);

        public void Dispose()
        {
        }

        private async Task<IConnectorClient> RealAsync() => created ??= await real().ConfigureAwait(false);
    }

    private sealed class SharedUserTokenClient(Lazy<Task<UserTokenClient>> real) : UserTokenClient
    {
        public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            await (await real.Value.ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

        public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            await (await real.Value.ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

        public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            await (await real.Value.ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

        public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            await (await real.Value.ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

        public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            await (await real.Value.ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

        public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            await (await real.Value.ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

        // The shared client outlives the turn.
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215", Justification = "The turn disposes its client; the shared one behind it must stay open.")]
        protected override void Dispose(bool disposing)
        {
        }
    }
}
