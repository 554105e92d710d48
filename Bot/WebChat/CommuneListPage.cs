using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using OneStopBot.Bot.PublicPages;
using OneStopBot.Office.Communes;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.WebChat;

/// <summary>
/// With several communes and no commune in the address: the page listing them, each a link to its own web chat; and the
/// page for an address naming no commune served. Plain pages without script, readable on a 360 px phone.
/// </summary>
public static class CommuneListPage
{
    /// <summary>The list, at the host's root (<c>/</c>) when it names no commune.</summary>
    public static IResult Render(HttpContext http, CommuneDirectory directory, EndpointDataSource endpoints)
    {
        var items = new StringBuilder();
        foreach (var commune in directory.All)
        {
            items.Append(CultureInfo.InvariantCulture, $"""<li><a href="{Encode(CommuneAddresses.ChatPath(commune))}">{Encode(commune.Office.CommuneName)}</a><span>{Encode(commune.Office.Address)}</span></li>""").Append('\n');
        }
        var main = $"""
            <main class="page">
            <h1>{CommuneListTexts.Title}</h1>
            <p>{CommuneListTexts.Intro}</p>
            <ul class="list">
            {items}</ul>
            </main>
            """;
        return TypedResults.Content(Page(CommuneListTexts.Title, "", endpoints, main), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>An address naming no commune served: a page for browsers, a problem for other clients, both in Vietnamese.</summary>
    public static IResult NotFound(HttpContext http)
    {
        http.Response.Headers.Vary = HeaderNames.Accept;
        http.Response.Headers.CacheControl = "no-cache";
        var wantsPage = http.Request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (!wantsPage)
        {
            return TypedResults.Problem(CommuneListTexts.NotFound, statusCode: StatusCodes.Status404NotFound, title: CommuneListTexts.NotFoundTitle);
        }
        // Relative to the host's root, however deep the address was: the page works under a proxy's path too.
        var up = string.Concat(Enumerable.Repeat("../", Math.Max(0, http.Request.Path.Value!.Count(c => c == '/') - 1)));
        var main = $"""
            <main class="page">
            <h1>{CommuneListTexts.NotFoundTitle}</h1>
            <p>{CommuneListTexts.NotFound}</p>
            <p><a class="action" href="{(up.Length == 0 ? "./" : up)}">{CommuneListTexts.AllCommunes}</a></p>
            </main>
            """;
        var endpoints = http.RequestServices.GetRequiredService<EndpointDataSource>();
        return TypedResults.Content(Page(CommuneListTexts.NotFoundTitle, up, endpoints, main), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
    }

    private static string Page(string title, string up, EndpointDataSource endpoints, string main)
    {
        var hashed = WebChatPage.HashedNames(endpoints);
        string Asset(string path) => Encode(up + hashed.GetValueOrDefault(path, path));
        return $$"""
            {{WebChatPage.Head(title, Asset, ProcedurePages.StyleSheet)}}
            </head>
            <body class="procedures">
            <header class="top">
            <p class="commune">{{CommuneListTexts.Heading}}</p>
            </header>
            {{main}}
            </body>
            </html>
            """;
    }
}

/// <summary>The words of the communes' list and of an address naming no commune.</summary>
public static class CommuneListTexts
{
    public const string Heading = "Bộ phận một cửa các xã";
    public const string Title = "Hỏi đáp thủ tục hành chính các xã";
    public const string Intro = "Anh/chị bấm tên xã của mình để hỏi trợ lý và xem các thủ tục của xã.";
    public const string NotFoundTitle = "Không tìm thấy xã";
    public const string NotFound = "Địa chỉ này không có xã nào. Anh/chị mở danh sách các xã để chọn xã của mình.";
    public const string AllCommunes = "Danh sách các xã";
}
