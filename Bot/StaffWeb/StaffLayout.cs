using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Antiforgery;
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
    public static IResult Page(HttpContext http, StaffPage page, IOptions<OfficeNames> names, EndpointDataSource endpoints)
    {
        var office = names.Value;
        var hashed = WebChatPage.HashedNames(endpoints);
        var root = Root(http);
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

    /// <summary>The relative way from the page's folder back to the site's root ("../" per folder), so links survive a proxy's path.</summary>
    public static string Root(HttpContext http)
    {
        var depth = (http.Request.Path.Value ?? "/").Trim('/').Split('/').Length;
        return string.Concat(Enumerable.Repeat("../", Math.Max(0, depth - 1)));
    }

    /// <summary>The hidden antiforgery field every form of the workspace carries.</summary>
    public static string AntiforgeryField(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">""";
    }

    /// <summary>
    /// The posted form when it carries a valid antiforgery token; null when it does not (another site's page posting with
    /// the clerk's credentials), or when the body is no readable form.
    /// </summary>
    public static async Task<IFormCollection?> ValidFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            return await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        }
        catch (AntiforgeryValidationException)
        {
            // A form the reader refuses (a NUL character, too many fields) cannot carry a token it can trust either.
            return null;
        }
    }

    /// <summary>The answer to a form without a valid antiforgery token.</summary>
    public static ProblemHttpResult FormExpired() =>
        TypedResults.Problem(StaffLayoutTexts.FormExpired, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>303 to an address relative to the page posted to, as the workspace's forms expect.</summary>
    public static StatusCodeHttpResult SeeOther(HttpContext http, string relative)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Location = relative;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
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

    public const string FormExpired = "Trang đã mở quá lâu hoặc không phải trang của bộ phận một cửa. Anh/chị tải lại trang rồi làm lại.";
}
