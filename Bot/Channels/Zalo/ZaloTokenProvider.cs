using Microsoft.Extensions.Options;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The OA access token. The pair in the database wins over configuration once present, because each refresh
/// spends the previous refresh token. Refreshes are serialised so that one token is never spent twice.
/// </summary>
public sealed class ZaloTokenProvider(
    IChannelTokenStore store,
    ZaloOAuthClient oauth,
    IOptionsMonitor<ZaloOptions> options,
    TimeProvider timeProvider,
    ILogger<ZaloTokenProvider> logger)
{
    public const string Channel = "zalo";

    private readonly SemaphoreSlim gate = new(1, 1);
    private ChannelTokens? current;

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref current) is { } tokens)
        {
            return tokens.AccessToken;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            return Load().AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Called when Zalo rejected <paramref name="rejectedAccessToken"/>. If another sender has refreshed in the
    /// meantime its token is returned; otherwise the refresh token is spent and the new pair stored.
    /// </summary>
    public async Task<string> RefreshAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var tokens = Load();
            if (tokens.AccessToken != rejectedAccessToken)
            {
                return tokens.AccessToken;
            }
            if (tokens.RefreshToken.Length == 0)
            {
                throw new DeliveryFailedException("Zalo access token rejected and no refresh token is configured", isTransient: true);
            }
            var fresh = await oauth.RefreshAsync(tokens.RefreshToken, cancellationToken);
            var stored = new ChannelTokens(Channel, fresh.AccessToken, fresh.RefreshToken, timeProvider.GetUtcNow());
            store.Save(stored);
            Volatile.Write(ref current, stored);
            logger.LogInformation("Zalo access token refreshed; the new pair is stored");
            return stored.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private ChannelTokens Load()
    {
        if (current is null)
        {
            var configured = options.CurrentValue;
            Volatile.Write(ref current, store.Find(Channel)
                ?? new ChannelTokens(Channel, configured.AccessToken, configured.RefreshToken, DateTimeOffset.MinValue));
        }
        return current!;
    }
}
