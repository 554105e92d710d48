using OneStopBot.Office.Communes;

namespace OneStopBot.Bot.WebChat;

/// <summary>
/// Residents' addresses per commune: <c>/xa/{id}/…</c> serves that commune's web chat, procedure pages, QR posters and
/// Direct Line exactly as the host's root serves the one commune of a one-commune deployment, and a commune's own host
/// name serves it at the root. The commune's part of the path becomes the request's base path, so every page's relative
/// links stay within the commune, and absolute links (QR codes, the stream URL) carry it.
/// </summary>
public static class CommuneAddresses
{
    public const string Root = "/xa";

    private const string ItemKey = "OneStopBot.AddressedCommune";

    // What a commune's address serves: the chat page and its files, the public pages, the posters, Direct Line. Not the
    // staff's pages or APIs: staff act for their own commune whatever the address.
    private static readonly string[] Served = ["/thu-tuc", "/qr", "/v3/directline", "/webchat"];

    /// <summary>Takes <c>/xa/{id}</c> off the path into the base path; an unknown commune or another page is a 404 in Vietnamese.</summary>
    public static WebApplication UseCommuneAddresses(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(Root, StringComparison.Ordinal, out var rest) || !rest.HasValue)
            {
                return next(http);
            }
            var value = rest.Value!;
            var slash = value.IndexOf('/', 1);
            var id = slash < 0 ? value[1..] : value[1..slash];
            var page = slash < 0 ? string.Empty : value[slash..];
            if (http.RequestServices.GetRequiredService<CommuneDirectory>().Find(id) is not { } commune || !IsServed(page))
            {
                return CommuneListPage.NotFound(http).ExecuteAsync(http);
            }
            if (page.Length == 0)
            {
                // The page's links are relative: they need the folder's slash.
                return Results.Redirect(http.Request.PathBase + Root + "/" + id + "/" + http.Request.QueryString, permanent: true).ExecuteAsync(http);
            }
            http.Items[ItemKey] = commune;
            http.Request.PathBase = http.Request.PathBase.Add(Root + "/" + id);
            http.Request.Path = page;
            return next(http);
        });
        return app;
    }

    /// <summary>
    /// The commune a resident's request is for: its <c>/xa/{id}/</c> address, else the commune whose host name it came
    /// on, else the one commune served; null when several are served and the request names none.
    /// </summary>
    public static Commune? Of(HttpContext http)
    {
        if (http.Items[ItemKey] is Commune addressed)
        {
            return addressed;
        }
        var directory = http.RequestServices.GetRequiredService<CommuneDirectory>();
        return directory.ByHost(http.Request.Host.Host) ?? directory.Single;
    }

    /// <summary>True when the request came in at <c>/xa/{id}/</c>.</summary>
    public static bool IsAddressed(HttpContext http) => http.Items[ItemKey] is Commune;

    /// <summary>The address of a commune's web chat, relative to the host's root.</summary>
    public static string ChatPath(Commune commune) => $"xa/{Uri.EscapeDataString(commune.Id)}/";

    // The page itself, a file of its own (the chat's script, style, icon, service worker), or one of the served folders.
    private static bool IsServed(string page) =>
        page.Length == 0 || page == "/" || (page.IndexOf('/', 1) < 0 && page.Contains('.', StringComparison.Ordinal))
        || Served.Any(folder => page == folder || page.StartsWith(folder + "/", StringComparison.Ordinal));
}
