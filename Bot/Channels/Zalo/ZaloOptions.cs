using System.Threading.RateLimiting;
namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>Configuration section <c>Zalo</c>: the Official Account's keys, the API addresses and the sending limits.</summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    /// <summary>The Zalo app's id, from the app's information page on developers.zalo.me.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The OA secret key that signs webhook events, from the app's webhook page.</summary>
    public string OaSecretKey { get; set; } = string.Empty;

    /// <summary>The app's secret key, sent as <c>secret_key</c> when refreshing the access token.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The first access token; once a refresh has happened the one in the database is used instead.</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>The first refresh token (single-use); later ones live in the database.</summary>
    public string RefreshToken { get; set; } = string.Empty;

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Zalo refuses text messages longer than this; longer replies are split at sentence ends.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Webhook bodies larger than this are refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long a handled event stays in the inbox after its turn, so that a redelivery of its msg_id is not answered
    /// twice; older handled events are removed (parked ones stay).
    /// </summary>
    public TimeSpan RedeliveryWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events stamped longer ago than this are refused, so a captured event cannot be replayed later.</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far in the future an event's stamp may be (clocks differ a little); beyond it, refused.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the numbered choices offered to a user stay valid.</summary>
    public TimeSpan ChoicesLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many users' offered choices are remembered at most.</summary>
    public int ChoicesCapacity { get; set; } = 20_000;

    /// <summary>Events waiting in the inbox; past this the webhook answers 503 and Zalo delivers the event again later.</summary>
    public int MaxPendingTurns { get; set; } = 2_000;

    public ZaloInboxOptions Inbox { get; set; } = new();

    /// <summary>Per OA: each commune's own OA has its own quota.</summary>
    public ZaloRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The channel is on only when webhook events can be verified.</summary>
    public bool IsConfigured => AppId.Length > 0 && OaSecretKey.Length > 0;
}

/// <summary>
/// Zalo allows about 4,000 API requests per minute per OA. Requests per minute plus the burst stay below that.
/// </summary>
public sealed class ZaloRateLimitOptions
{
    public int RequestsPerMinute { get; set; } = 3_600;

    public int Burst { get; set; } = 100;

    /// <summary>
    /// A token bucket per OA from <see cref="System.Threading.RateLimiting"/>: <see cref="Burst"/> requests at once, then
    /// <see cref="RequestsPerMinute"/> spread over the minute. Callers over the limit wait their turn in arrival order
    /// instead of being refused, so the outbox simply slows down.
    /// </summary>
    public PartitionedRateLimiter<string> CreateLimiter()
    {
        // Refilled each second when a second's share is at least one request, otherwise one request per its share of a minute.
        var (period, perPeriod) = RequestsPerMinute >= 60
            ? (TimeSpan.FromSeconds(1), RequestsPerMinute / 60)
            : (TimeSpan.FromMinutes(1) / RequestsPerMinute, 1);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, Burst),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            // Waiting callers are the outbox's and the inbox's senders, bounded by their own concurrency.
            QueueLimit = int.MaxValue,
        };
        return PartitionedRateLimiter.Create<string, string>(oaId => RateLimitPartition.GetTokenBucketLimiter(oaId, _ => bucket), StringComparer.Ordinal);
    }
}

/// <summary>How turns are run from the inbox.</summary>
public sealed class ZaloInboxOptions
{
    /// <summary>Users whose turns run at the same time; each user's own turns run one at a time, in arrival order.</summary>
    public int MaxConcurrentTurns { get; set; } = 8;

    /// <summary>Failed runs of an event before it is parked (kept, logged, not tried again).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before running a failed event again; it doubles for each later attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the inbox is looked at when nothing woke the worker: a safety net only.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the outbox leaves a turn's replies to the turn, which sends them at once; after a crash, or when that
    /// sending failed, the outbox sends them once this has passed.
    /// </summary>
    public TimeSpan ReplyHold { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsValid() =>
        MaxConcurrentTurns >= 1 && MaxAttempts >= 1 && RetryDelay >= TimeSpan.Zero && PollInterval > TimeSpan.Zero
        && ReplyHold >= TimeSpan.FromSeconds(1);
}
