using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The one way text reaches a Zalo user, for replies and proactive messages alike: rate limited, with the token
/// refreshed once on -216/-220, back-off on -32, and a <see cref="DeliveryFailedException"/> for everything else.
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
    private readonly ZaloRateLimiter rateLimiter;
    private readonly ILogger<ZaloSender> logger;
    private readonly ResiliencePipeline pipeline;

    public ZaloSender(
        ZaloApiClient api,
        ZaloTokenProvider tokens,
        ZaloRateLimiter rateLimiter,
        IOptions<ZaloOptions> options,
        TimeProvider timeProvider,
        ILogger<ZaloSender> logger)
    {
        this.api = api;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.logger = logger;
        var retry = options.Value.Retry;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientZaloException>(),
                MaxRetryAttempts = Math.Max(0, retry.MaxAttempts),
                Delay = retry.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("Zalo send failed ({Reason}); attempt {Attempt} in {Delay}",
                        args.Outcome.Exception?.Message, args.AttemptNumber + 2, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Sends one text (at most the configured length) as the OA <paramref name="oaId"/> (the one the user wrote to;
    /// null or not a commune's own: the provincial OA) and returns Zalo's message id.
    /// </summary>
    public async Task<string> SendTextAsync(string? oaId, string userId, string text, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(async ct => await SendOnceAsync(oaId, userId, text, ct), cancellationToken);
        }
        catch (TransientZaloException exception)
        {
            throw new DeliveryFailedException(exception.Message, isTransient: true, exception.InnerException);
        }
    }

    private async Task<string> SendOnceAsync(string? oaId, string userId, string text, CancellationToken cancellationToken)
    {
        var accessToken = await tokens.GetAccessTokenAsync(oaId, cancellationToken);
        var result = await CallAsync(userId, text, accessToken, cancellationToken);
        if (TokenErrors.Contains(result.Error))
        {
            logger.LogInformation("Zalo rejected the access token ({Error}); refreshing it once", result.Error);
            accessToken = await tokens.RefreshAsync(oaId, accessToken, cancellationToken);
            result = await CallAsync(userId, text, accessToken, cancellationToken);
        }

        if (result.Succeeded)
        {
            return result.MessageId ?? string.Empty;
        }
        var reason = $"Zalo error {result.Error}: " + (UnreachableUser.TryGetValue(result.Error, out var why) ? why : result.Message);
        logger.LogWarning("Zalo did not deliver to {User}: {Reason}", Mask(userId), reason);
        throw result.Error switch
        {
            RateLimited or ZaloApiResult.UnreadableAnswer => new TransientZaloException(reason, null),
            _ when TokenErrors.Contains(result.Error) => new DeliveryFailedException(reason, isTransient: true),
            _ => new DeliveryFailedException(reason, isTransient: false),
        };
    }

    private async Task<ZaloApiResult> CallAsync(string userId, string text, string accessToken, CancellationToken cancellationToken)
    {
        await rateLimiter.WaitAsync(cancellationToken);
        try
        {
            return await api.SendTextAsync(userId, text, accessToken, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new TransientZaloException($"Zalo API unreachable: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientZaloException("Zalo API timed out", exception);
        }
    }

    /// <summary>Zalo user ids identify a person: logs keep only the ends.</summary>
    internal static string Mask(string userId) =>
        userId.Length <= 4 ? new string('*', userId.Length) : userId[..2] + new string('*', userId.Length - 4) + userId[^2..];

    /// <summary>A failure worth retrying after a pause (rate limited, network, garbled answer).</summary>
    private sealed class TransientZaloException(string message, Exception? inner) : Exception(message, inner);
}
