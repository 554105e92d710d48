using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.WebChat;
using OneStopBot.Bot.StaffWeb.Communes;
using OneStopBot.Office.Communes;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// The frame every page of the staff workspace shares: the office's header, the menu and the sign-out button for a
/// signed-in member, the shared and the staff style sheets, and the page's own scripts, all served by this host
/// (nothing from the internet). Links are relative, so the workspace also works under a reverse proxy's path.
/// </summary>
public static class StaffLayout
{
    /// <summary>The workspace's own static files, under wwwroot.</summary>
    public const string StyleSheet = "can-bo/staff.css";

    /// <summary>
    /// The page, as an answer that no other site may frame (a sign-in page in a hidden frame invites clickjacking) and no
    /// cache may keep.
    /// </summary>
    public static IResult Page(HttpContext http, StaffPage page, int status = StatusCodes.Status200OK)
    {
        var office = http.RequestServices.GetRequiredService<IOptions<OfficeNames>>().Value;
        // The commune the page acts for names the header; outside any (signing in with several communes), the province's.
        var commune = http.RequestServices.GetRequiredService<CommuneContext>().CurrentOrNull?.Office;
        var (communeName, officeName) = commune is null ? (office.CommuneName, office.OfficeName) : (commune.CommuneName, commune.OfficeName);
        var hashed = WebChatPage.HashedNames(http.RequestServices.GetRequiredService<EndpointDataSource>());
        var root = StaffPages.Root(http);
        string Asset(string path) => Encode(root + hashed.GetValueOrDefault(path, path));
        var scripts = string.Concat(page.Scripts.Select(script => $"""<script src="{Asset(script)}"></script>""" + "\n"));
        var signedIn = http.User.Identity?.IsAuthenticated == true && http.User.Identity.AuthenticationType == StaffSessions.Scheme;
        var html = $$"""
            {{WebChatPage.Head(page.Title + " — " + officeName, Asset, StyleSheet)}}
            <meta name="robots" content="noindex">
            </head>
            <body class="staff{{(signedIn ? " workspace" : "")}}">
            <a class="skip" href="#main">{{StaffLayoutTexts.SkipToContent}}</a>
            <header class="top staff-top">
            <div>
            <h1>{{Encode(communeName)}}</h1>
            <p>{{Encode(officeName)}} · {{StaffLayoutTexts.Workspace}}{{(signedIn ? " · " + Encode(http.User.Identity!.Name ?? "") : "")}}</p>
            </div>
            {{(signedIn && http.User.IsProvince() ? CommunesPage.Switcher(http, root) : "")}}
            {{(signedIn ? SignOut(http, root) : page.HeaderButton)}}
            </header>
            {{(signedIn ? Menu(http, root, page.MenuSlug) : "")}}
            {{page.Main}}
            {{(page.Scripts.Count > 0 ? $"<noscript><p class=\"offline\">{StaffLayoutTexts.NoScript}</p></noscript>" : "")}}
            {{scripts}}</body>
            </html>
            """;
        var headers = http.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The hidden antiforgery field every form of the workspace carries.</summary>
    public static string AntiforgeryField(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">""";
    }

    private static string SignOut(HttpContext http, string root) => $$"""
        <form method="post" action="{{root}}can-bo/dang-xuat" class="sign-out-form">{{AntiforgeryField(http)}}<button type="submit" id="sign-out" class="sign-out">{{StaffLayoutTexts.SignOut}}</button></form>
        """;

    private static string Menu(HttpContext http, string root, string? current)
    {
        var items = StaffMenu.Items.Where(item => (item.Leader == false || http.User.IsLeader()) && (item.Province == false || http.User.IsProvince())).Select(item =>
            $"""<li><a href="{root}can-bo/{item.Slug}"{(item.Slug == current ? " aria-current=\"page\"" : "")}>{Encode(item.Label)}</a></li>""");
        return $"""<nav class="menu" aria-label="{StaffLayoutTexts.MenuLabel}"><ul>{string.Concat(items)}</ul></nav>""";
    }
}

/// <summary>
/// What a workspace page puts in the layout: its title, its main element (HTML, already encoded), its scripts, the
/// menu entry it belongs to, and (signed out only) a button in the header.
/// </summary>
public sealed record StaffPage(string Title, string Main, IReadOnlyList<string> Scripts)
{
    public string? MenuSlug { get; init; }

    public string HeaderButton { get; init; } = string.Empty;
}

/// <summary>The words of the workspace's frame.</summary>
public static class StaffLayoutTexts
{
    public const string Workspace = "Cán bộ";

    public const string SignOut = "Đăng xuất";

    public const string NoScript = "Anh/chị hãy bật JavaScript để dùng khung trò chuyện.";

    public const string MenuLabel = "Các việc của cán bộ";

    public const string SkipToContent = "Bỏ qua danh mục, đến nội dung";
}
