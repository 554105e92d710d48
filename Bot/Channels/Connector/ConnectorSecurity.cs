using System.Net;
using LiteDB;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.Connector;

/// <summary>Configuration section <c>Connector</c>: hosts the bot may send to beyond those channels have called from.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Extra serviceUrls proactive messages may go to (absolute http or https URLs).</summary>
    public List<string> AllowedServiceUrls { get; set; } = [];
}

public static class ConnectorSecurityServiceCollectionExtensions
{
    /// <summary>Who may call the Connector endpoint and where the bot may send: see <see cref="ConnectorSecurity"/>.</summary>
    public static IServiceCollection AddConnectorSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section))
            .Validate(o => o.AllowedServiceUrls.TrueForAll(url => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Connector: AllowedServiceUrls must be absolute http or https URLs.")
            .ValidateOnStart();
        services.AddSingleton<ConnectorSecurity>();
        return services;
    }
}

/// <summary>A serviceUrl that came from an authenticated turn (stored by its origin: scheme, host and port).</summary>
public sealed record TrustedServiceUrl
{
    public required string Id { get; init; }

    public DateTime FirstSeen { get; init; }
}

/// <summary>
/// Who may call <c>/api/messages</c> and where the bot may answer. With <c>MicrosoftAppId</c> set, the SDK checks each
/// request's JWT (including that the token's serviceUrl is the activity's) and the channel vouches for the user;
/// without it the endpoint is for local testing only: loopback callers naming loopback serviceUrls, nobody verified.
/// </summary>
public sealed class ConnectorSecurity(IConfiguration configuration, IOptions<ConnectorOptions> options, OfficeDatabase database, TimeProvider time)
{
    public const string CollectionName = "trusted_service_urls";

    /// <summary>Channels of this host's own endpoints: their users are established there, never through the Connector.</summary>
    private static readonly HashSet<string> OwnChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Zalo.ZaloAdapter.ChannelId, DirectLine.DirectLineAdapter.ChannelId, "directline",
    };

    private readonly HashSet<string> allowed = [.. options.Value.AllowedServiceUrls.Select(url => Origin(new Uri(url)))];

    /// <summary>True when requests carry no JWT: only for a developer's own machine.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    /// <summary>
    /// Whether <paramref name="channelId"/> names one of this host's own channels as a person reads it: only its letters
    /// and digits count, after compatibility forms are folded, in any case. Blanks, controls, invisible format and joining
    /// characters (U+0000, U+200B, U+034F, U+1D173…) and punctuation in or around it do not make another channel.
    /// </summary>
    public static bool IsOwnChannel(string channelId) => OwnChannels.Contains(AsRead(channelId));

    private static string AsRead(string channelId)
    {
        // Whole code points: a format character beyond the first plane comes as two UTF-16 units, and a lone surrogate
        // becomes U+FFFD, so the text can be normalised.
        var runes = new System.Text.StringBuilder(channelId.Length);
        foreach (var rune in channelId.EnumerateRunes())
        {
            runes.Append(rune.ToString());
        }
        var read = new System.Text.StringBuilder(channelId.Length);
        foreach (var rune in runes.ToString().Normalize(System.Text.NormalizationForm.FormKC).EnumerateRunes())
        {
            if (System.Text.Rune.IsLetterOrDigit(rune))
            {
                read.Append(System.Text.Rune.ToLowerInvariant(rune).ToString());
            }
        }
        return read.ToString();
    }

    /// <summary>An in-process caller (no network peer, as in tests) counts as local.</summary>
    public static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    public static bool IsLoopback(Uri url) => url.IsLoopback;

    /// <summary>Remembers the serviceUrl of a turn the SDK has authenticated.</summary>
    public void Trust(Uri serviceUrl)
    {
        var origin = Origin(serviceUrl);
        var urls = database.Collection<TrustedServiceUrl>(CollectionName);
        if (urls.FindById(origin) is null)
        {
            urls.Upsert(new TrustedServiceUrl { Id = origin, FirstSeen = time.GetUtcNow().UtcDateTime });
        }
    }

    /// <summary>
    /// Whether a proactive message may go to <paramref name="serviceUrl"/>: loopback in anonymous mode; otherwise a host
    /// an authenticated turn came from, or one in the allow-list.
    /// </summary>
    public bool MaySendTo(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return false;
        }
        var origin = Origin(url);
        if (allowed.Contains(origin))
        {
            return true;
        }
        return IsAnonymous ? IsLoopback(url) : database.Collection<TrustedServiceUrl>(CollectionName).FindById(origin) is not null;
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
