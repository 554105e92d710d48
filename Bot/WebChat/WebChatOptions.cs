using System.Net;

namespace OneStopBot.Bot.WebChat;

/// <summary>The <c>WebChat</c> section of appsettings.json.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// The address residents reach the page at; QR codes, the Direct Line <c>streamUrl</c> and every absolute link
    /// are built from it. Empty: the address each request came in on (after the forwarded headers of known proxies).
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>
    /// Other sites (the commune's portal, <c>https://phuocduc.gov.vn</c>) whose pages may call the Direct Line endpoint
    /// from the browser. Empty: none; the iframe needs no entry.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>PublicUrl empty or an absolute http(s) address; origins bare <c>scheme://host[:port]</c>.</summary>
    public bool IsValid() =>
        (PublicUrl.Length == 0 || IsHttp(PublicUrl, out _))
        && AllowedOrigins.TrueForAll(origin => IsHttp(origin, out var url) && url.PathAndQuery == "/" && !origin.EndsWith('/'));

    private static bool IsHttp(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// The page's address for this request: <see cref="PublicUrl"/> when set (with the commune's <c>xa/{id}/</c> when the
    /// request came in at it, or the commune's own host name when it came in on that), else the request's own.
    /// </summary>
    public Uri PageUrl(HttpRequest request)
    {
        if (PublicUrl.Length == 0)
        {
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
        var page = new Uri(PublicUrl);
        if (CommuneAddresses.IsAddressed(request.HttpContext) && CommuneAddresses.Of(request.HttpContext) is { } commune)
        {
            return new Uri(page, CommuneAddresses.ChatPath(commune));
        }
        var directory = request.HttpContext.RequestServices.GetService<Office.Communes.CommuneDirectory>();
        return directory?.ByHost(request.Host.Host) is not null ? new Uri($"{page.Scheme}://{request.Host}/") : page;
    }

    /// <summary>An address beside the page, resolved as the browser would resolve a relative link on it.</summary>
    public Uri Resolve(HttpRequest request, string relative) => new(PageUrl(request), relative);

    /// <summary>A page on this machine only: a phone scanning a code for it reaches nothing.</summary>
    public static bool IsLoopback(Uri page) => page.IsLoopback || IsLoopbackName(page.Host);

    /// <summary><c>localhost</c>, a name under it (RFC 6761) or a loopback address (<c>127.0.0.2</c>, <c>[::1]</c>).</summary>
    public static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

/// <summary>The names the page shows, from the <c>Office</c> section of appsettings.json.</summary>
public sealed class OfficeNames
{
    public const string Section = "Office";

    public string CommuneName { get; set; } = "";

    public string OfficeName { get; set; } = "";
}
