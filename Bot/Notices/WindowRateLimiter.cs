using System.Threading.RateLimiting;

namespace OneStopBot.Bot.Notices;

/// <summary>
/// At most <c>permitsPerWindow</c> permits per window, renewed only by <see cref="TryReplenish"/>. The framework's
/// limiters measure elapsed time with their own stopwatch even when replenished by hand, so they cannot follow an
/// injected <see cref="TimeProvider"/>; this one leaves the clock entirely to its caller.
/// </summary>
public sealed class WindowRateLimiter(int permitsPerWindow, TimeSpan window) : ReplenishingRateLimiter
{
    private readonly SemaphoreSlim permits = new(permitsPerWindow, permitsPerWindow);
    private int usedInWindow;
    private long successful;
    private long failed;

    public override TimeSpan? IdleDuration => null;

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => window;

    /// <summary>Starts a new window: every permit used in the last one becomes available again.</summary>
    public override bool TryReplenish()
    {
        var used = Interlocked.Exchange(ref usedInWindow, 0);
        if (used > 0)
        {
            permits.Release(used);
        }
        return true;
    }

    public override RateLimiterStatistics GetStatistics() => new()
    {
        CurrentAvailablePermits = permits.CurrentCount,
        TotalSuccessfulLeases = Interlocked.Read(ref successful),
        TotalFailedLeases = Interlocked.Read(ref failed),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        var taken = 0;
        while (taken < permitCount && permits.Wait(0))
        {
            taken++;
        }
        if (taken < permitCount)
        {
            if (taken > 0)
            {
                permits.Release(taken);
            }
            Interlocked.Increment(ref failed);
            return Lease.Refused;
        }
        return Granted(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        var taken = 0;
        try
        {
            for (; taken < permitCount; taken++)
            {
                await permits.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            if (taken > 0)
            {
                permits.Release(taken);
            }
            throw;
        }
        return Granted(permitCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            permits.Dispose();
        }
        base.Dispose(disposing);
    }

    private RateLimitLease Granted(int permitCount)
    {
        Interlocked.Add(ref usedInWindow, permitCount);
        Interlocked.Increment(ref successful);
        return Lease.Granted;
    }

    private void CheckCount(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitsPerWindow);

    /// <summary>Permits are given back by the next window, not by the lease.</summary>
    private sealed class Lease(bool isAcquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
