using Microsoft.Extensions.Options;
using OneStopBot.Bot.WebChat;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// The frame every page of the staff workspace shares: the office's header with the sign-out button, the shared and
/// the staff style sheets, and the page's own scripts, all served by this host (nothing from the internet). Links are
/// relative, so the workspace also works under a reverse proxy's path.
/// </summary>
public static class StaffLayout
{
    /// <summary>The workspace's own static files, under wwwroot.</summary>
    public const string StyleSheet = "can-bo/staff.css";

    /// <summary>
    /// The page, as an answer that no other site may frame (a sign-in page in a hidden frame invites clickjacking) and no
    /// cache may keep.
    /// </summary>
    /// <param name="root">The way from the page's folder to the host's root (<c>../</c> for a page one folder deeper than <c>/can-bo</c>).</param>
    public static IResult Page(HttpContext http, StaffPage page, IOptions<OfficeNames> names, EndpointDataSource endpoints, string root = "")
    {
        var office = names.Value;
        var hashed = WebChatPage.HashedNames(endpoints);
        string Asset(string path) => Encode(root + hashed.GetValueOrDefault(path, path));
        var scripts = string.Concat(page.Scripts.Select(script => $"""<script src="{Asset(script)}"></script>""" + "\n"));
        var html = $$"""
            {{WebChatPage.Head(page.Title + " — " + office.OfficeName, Asset, StyleSheet)}}
            <meta name="robots" content="noindex">
            </head>
            <body class="staff">
            <header class="top staff-top">
            <div>
            <h1>{{Encode(office.CommuneName)}}</h1>
            <p>{{Encode(office.OfficeName)}} · {{StaffLayoutTexts.Workspace}}</p>
            </div>
            <button type="button" id="sign-out" class="sign-out" hidden>{{StaffLayoutTexts.SignOut}}</button>
            </header>
            {{page.Main}}
            <noscript><p class="offline">{{StaffLayoutTexts.NoScript}}</p></noscript>
            {{scripts}}</body>
            </html>
            """;
        var headers = http.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}

/// <summary>What a workspace page puts in the layout: its title, its main element (HTML, already encoded) and its scripts.</summary>
public sealed record StaffPage(string Title, string Main, IReadOnlyList<string> Scripts);

/// <summary>The words of the workspace's frame.</summary>
public static class StaffLayoutTexts
{
    public const string Workspace = "Cán bộ";

    public const string SignOut = "Đăng xuất";

    public const string NoScript = "Anh/chị hãy bật JavaScript để đăng nhập.";
}
