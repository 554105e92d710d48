using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The OA access tokens: the provincial OA's (<c>Zalo</c> section) and, with several communes, each commune's own OA's
/// (its item's <c>ZaloAccessToken</c>, <c>ZaloRefreshToken</c>). The pair in the database wins over configuration once
/// present, because each refresh spends the previous refresh token. Refreshes are serialised per OA so that one token
/// is never spent twice, and one OA's refresh never waits for another's.
/// </summary>
public sealed class ZaloTokenProvider
{
    /// <summary>The provincial OA's key in the token store, as before communes had their own OAs.</summary>
    public const string Channel = "zalo";

    private readonly IChannelTokenStore store;
    private readonly ZaloOAuthClient oauth;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ZaloTokenProvider> logger;
    private readonly Account provincial;
    private readonly FrozenDictionary<string, Account> communeAccounts;

    public ZaloTokenProvider(
        IChannelTokenStore store,
        ZaloOAuthClient oauth,
        IOptionsMonitor<ZaloOptions> options,
        CommuneDirectory communes,
        TimeProvider timeProvider,
        ILogger<ZaloTokenProvider> logger)
    {
        this.store = store;
        this.oauth = oauth;
        this.timeProvider = timeProvider;
        this.logger = logger;
        provincial = new Account(Channel, () => (options.CurrentValue.AccessToken, options.CurrentValue.RefreshToken));
        // One commune: its OA is the configured one, exactly as a one-OA deployment has always been.
        communeAccounts = communes.IsSingle
            ? FrozenDictionary<string, Account>.Empty
            : communes.All.Where(c => c.Office.ZaloOaId.Length > 0).ToFrozenDictionary(
                c => c.Office.ZaloOaId,
                c => new Account(StoreKey(c.Office.ZaloOaId), () => (c.Office.ZaloAccessToken, c.Office.ZaloRefreshToken)),
                StringComparer.Ordinal);
    }

    /// <summary>Where a commune OA's refreshed pair is kept in the token store.</summary>
    public static string StoreKey(string oaId) => Channel + "/" + oaId;

    /// <summary>The access token to send as <paramref name="oaId"/>; a commune's own OA, else the provincial OA.</summary>
    public async Task<string> GetAccessTokenAsync(string? oaId, CancellationToken cancellationToken)
    {
        var account = AccountOf(oaId);
        if (Volatile.Read(ref account.Current) is { } tokens)
        {
            return tokens.AccessToken;
        }
        await account.Gate.WaitAsync(cancellationToken);
        try
        {
            return Load(account).AccessToken;
        }
        finally
        {
            account.Gate.Release();
        }
    }

    /// <summary>
    /// Called when Zalo rejected <paramref name="rejectedAccessToken"/> of <paramref name="oaId"/>. If another sender
    /// has refreshed in the meantime its token is returned; otherwise that OA's refresh token is spent and the new pair stored.
    /// </summary>
    public async Task<string> RefreshAsync(string? oaId, string rejectedAccessToken, CancellationToken cancellationToken)
    {
        var account = AccountOf(oaId);
        await account.Gate.WaitAsync(cancellationToken);
        try
        {
            var tokens = Load(account);
            if (tokens.AccessToken != rejectedAccessToken)
            {
                return tokens.AccessToken;
            }
            if (tokens.RefreshToken.Length == 0)
            {
                throw new DeliveryFailedException("Zalo access token rejected and no refresh token is configured", isTransient: true);
            }
            var fresh = await oauth.RefreshAsync(tokens.RefreshToken, cancellationToken);
            var stored = new ChannelTokens(account.StoreKey, fresh.AccessToken, fresh.RefreshToken, timeProvider.GetUtcNow());
            store.Save(stored);
            Volatile.Write(ref account.Current, stored);
            logger.LogInformation("Zalo access token of {Account} refreshed; the new pair is stored", account.StoreKey);
            return stored.AccessToken;
        }
        finally
        {
            account.Gate.Release();
        }
    }

    // An OA id no commune has (the provincial OA's, the app id of an event without one, an address stored before) is the province's.
    /// <summary>The account that sends as <paramref name="oaId"/>: the commune's own OA, else the provincial OA. Each has its own quota.</summary>
    public string AccountKey(string? oaId) => AccountOf(oaId).StoreKey;

    private Account AccountOf(string? oaId) =>
        oaId is not null && communeAccounts.TryGetValue(oaId, out var account) ? account : provincial;

    private ChannelTokens Load(Account account)
    {
        if (account.Current is null)
        {
            var (access, refresh) = account.Configured();
            Volatile.Write(ref account.Current, store.Find(account.StoreKey)
                ?? new ChannelTokens(account.StoreKey, access, refresh, DateTimeOffset.MinValue));
        }
        return account.Current!;
    }

    /// <summary>One OA's tokens: where they are stored, the configured first pair, and the gate its refreshes pass one at a time.</summary>
    private sealed class Account(string storeKey, Func<(string Access, string Refresh)> configured)
    {
        public string StoreKey { get; } = storeKey;

        public Func<(string Access, string Refresh)> Configured { get; } = configured;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ChannelTokens? Current;
    }
}
