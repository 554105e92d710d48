using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Edge;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// The failed-credential limits under a flood of distinct addresses: memory stays within its bound, and an address that
/// keeps guessing stays blocked however many others pass; windows end on the injected clock.
/// </summary>
public sealed class FailedCredentialFloodTests : IDisposable
{
    private const int Limit = 3;

    // A millisecond passes at each reading of the clock, so that which address tried least recently never ties.
    private readonly FakeTimeProvider time = new() { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    private readonly FailedCredentials failed;

    public FailedCredentialFloodTests() => failed = new FailedCredentials(Options.Create(new EdgeOptions
    {
        MaxFailedCredentials = Limit,
        FailureWindow = TimeSpan.FromMinutes(15),
        TrackedAddresses = 100,
    }), time);

    [Fact]
    public void A_flood_of_distinct_addresses_stays_within_the_bound_and_the_guesser_stays_blocked()
    {
        var guesser = From(IPAddress.Parse("203.0.113.7"));
        UseUp(guesser);

        for (var i = 0; i < 5_000; i++)
        {
            Assert.NotNull(failed.TryBegin(From(new IPAddress([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)(i >> 8), (byte)i]))));
            Assert.InRange(failed.TrackedCount, 1, 100);
            if (i % 10 == 0)
            {
                Assert.Null(failed.TryBegin(guesser));
            }
        }
    }

    [Fact]
    public void A_window_ends_on_the_injected_clock_and_a_right_credential_gives_its_attempt_back()
    {
        var client = From(IPAddress.Parse("198.51.100.9"));
        var last = UseUp(client);
        Assert.Null(failed.TryBegin(client));

        last.Succeeded();
        Assert.NotNull(failed.TryBegin(client));
        Assert.Null(failed.TryBegin(client));

        time.Advance(TimeSpan.FromMinutes(15));
        UseUp(client);
        Assert.Null(failed.TryBegin(client));
    }

    public void Dispose() => failed.Dispose();

    private CredentialAttempt UseUp(HttpContext client)
    {
        CredentialAttempt? attempt = null;
        for (var i = 0; i < Limit; i++)
        {
            attempt = failed.TryBegin(client);
            Assert.NotNull(attempt);
        }
        return attempt!;
    }

    private static DefaultHttpContext From(IPAddress address) => new() { Connection = { RemoteIpAddress = address } };
}
