using System.Threading.RateLimiting;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The one way text reaches a Zalo user, for replies and proactive messages alike: rate limited per OA, with the token
/// refreshed once on -216/-220, and a <see cref="DeliveryFailedException"/> for everything else. It does not retry:
/// the outbox is the one place that does (a failed reply is left to it), so one outbox attempt makes at most two API
/// calls (the second after a token refresh).
/// </summary>
public sealed class ZaloSender
{
    /// <summary>Access token invalid (-216) or expired (-220).</summary>
    private static readonly int[] TokenErrors = [-216, -220];

    /// <summary>
    /// The user cannot be reached now: outside the 7-day interaction window (-230), blocked or unfollowed the OA
    /// (-227, -213). Trying again soon would only fail again.
    /// </summary>
    private static readonly Dictionary<int, string> UnreachableUser = new()
    {
        [-230] = "the user has not interacted with the OA in the last 7 days",
        [-227] = "the user has blocked the OA or is inactive",
        [-213] = "the user has not followed the OA or has unfollowed it",
    };

    private const int RateLimited = -32;

    private readonly ZaloApiClient api;
    private readonly ZaloTokenProvider tokens;
    private readonly PartitionedRateLimiter<string> rateLimiter;
    private readonly ILogger<ZaloSender> logger;

    /// <param name="rateLimiter">Partitioned by the OA account that sends (<see cref="ZaloTokenProvider.AccountKey"/>).</param>
    public ZaloSender(
        ZaloApiClient api,
        ZaloTokenProvider tokens,
        [FromKeyedServices(RateLimiterKey)] PartitionedRateLimiter<string> rateLimiter,
        ILogger<ZaloSender> logger)
    {
        this.api = api;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.logger = logger;
    }

    /// <summary>The service key of the OA API's limiter.</summary>
    public const string RateLimiterKey = "zalo";

    /// <summary>
    /// Sends one text (at most the configured length) as the OA <paramref name="oaId"/> (the one the user wrote to;
    /// null or not a commune's own: the provincial OA) and returns Zalo's message id.
    /// </summary>
    public async Task<string> SendTextAsync(string? oaId, string userId, string text, CancellationToken cancellationToken)
    {
        var accessToken = await tokens.GetAccessTokenAsync(oaId, cancellationToken);
        var result = await CallAsync(oaId, userId, text, accessToken, cancellationToken);
        if (TokenErrors.Contains(result.Error))
        {
            logger.LogInformation("Zalo rejected the access token ({Error}); refreshing it once", result.Error);
            accessToken = await tokens.RefreshAsync(oaId, accessToken, cancellationToken);
            result = await CallAsync(oaId, userId, text, accessToken, cancellationToken);
        }

        if (result.Succeeded)
        {
            return result.MessageId ?? string.Empty;
        }
        var reason = $"Zalo error {result.Error}: " + (UnreachableUser.TryGetValue(result.Error, out var why) ? why : result.Message);
        logger.LogWarning("Zalo did not deliver to {User}: {Reason}", Mask(userId), reason);
        // Rate limited, a garbled answer or a token still refused: worth another try after the outbox's pause.
        var transient = result.Error is RateLimited or ZaloApiResult.UnreadableAnswer || TokenErrors.Contains(result.Error);
        throw new DeliveryFailedException(reason, transient);
    }

    private async Task<ZaloApiResult> CallAsync(string? oaId, string userId, string text, string accessToken, CancellationToken cancellationToken)
    {
        using var lease = await rateLimiter.AcquireAsync(tokens.AccountKey(oaId), cancellationToken: cancellationToken);
        try
        {
            return await api.SendTextAsync(userId, text, accessToken, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new DeliveryFailedException($"Zalo API unreachable: {exception.Message}", isTransient: true, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException("Zalo API timed out", isTransient: true, exception);
        }
    }

    /// <summary>Zalo user ids identify a person: logs keep only the ends.</summary>
    internal static string Mask(string userId) =>
        userId.Length <= 4 ? new string('*', userId.Length) : userId[..2] + new string('*', userId.Length - 4) + userId[^2..];
}
