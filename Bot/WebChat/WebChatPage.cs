using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Qr;

namespace OneStopBot.Bot.WebChat;

/// <summary>
/// <c>GET /</c>: the web chat page. The official Web Chat bundle is served from this host (wwwroot/webchat), never
/// from a CDN. <c>/?hoi=khai-sinh</c> opens the chat already asking about that procedure.
/// </summary>
public static class WebChatPage
{
    public const string ProcedureParameter = "hoi";

    /// <summary>The page's icon; browsers that ask for <c>/favicon.ico</c> anyway get the same picture.</summary>
    public const string FaviconPath = "/favicon.svg";

    /// <summary>Shown until the chat bundle has loaded, which takes a while on a slow phone.</summary>
    public const string LoadingText = "Đang mở khung trò chuyện, anh/chị chờ một chút…";

    /// <summary>Shown when the chat could not start, or cannot carry on (the conversation expired, the host forgot its key).</summary>
    public const string OfflineText = "Chưa kết nối được với bộ phận một cửa. Anh/chị bấm nút dưới đây để hỏi lại từ đầu.";

    public const string RestartButton = "Bắt đầu lại";

    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions { FileProvider = StaticFiles(app.Environment) });
        app.MapGet("/", Render);
        app.MapGet("/favicon.ico", () => Results.Redirect(FaviconPath, permanent: true));
        app.MapQr();
        return app;
    }

    internal static IResult Render(HttpContext http, IOptions<OfficeNames> names, IProcedureDirectory directory)
    {
        var office = names.Value;
        var asked = AskedProcedure(http.Request.Query[ProcedureParameter].ToString(), directory);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="theme-color" content="#0b5cad">
            <title>Hỏi đáp thủ tục — {{Encode(office.OfficeName)}}</title>
            <link rel="icon" href="favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="chat.css">
            </head>
            <body>
            <header class="top">
            <h1>{{Encode(office.CommuneName)}}</h1>
            <p>{{Encode(office.OfficeName)}}</p>
            </header>
            <p id="loading" class="loading" role="status">{{LoadingText}}</p>
            <main id="webchat" data-directline="{{DirectLineEndpoints.BasePath.TrimStart('/')}}" data-procedure-id="{{Encode(asked?.Id ?? "")}}" data-procedure-name="{{Encode(asked?.Name ?? "")}}"></main>
            <div id="offline" class="offline" role="alert" hidden><p>{{OfflineText}}</p><button type="button" id="restart">{{RestartButton}}</button></div>
            <noscript><p class="offline">Anh/chị hãy bật JavaScript để trò chuyện.</p></noscript>
            <script src="webchat/webchat.js"></script>
            <script src="chat.js"></script>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The copy of wwwroot beside the binaries when there is one: <c>dotnet run</c> starts the host in the directory
    /// it was typed in, where the content root's wwwroot may not be.
    /// </summary>
    private static IFileProvider StaticFiles(IWebHostEnvironment environment)
    {
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideBinaries) ? new PhysicalFileProvider(besideBinaries) : environment.WebRootFileProvider;
    }

    /// <summary>The procedure a QR link asks about: known ids only, so nothing else from the address reaches the page.</summary>
    private static ProcedureEntry? AskedProcedure(string id, IProcedureDirectory directory) =>
        id.Length is 0 or > 100 ? null : directory.Find(id);

    /// <summary>Vietnamese letters stay readable in the source; markup characters are escaped.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Html.Encode(text);
}
