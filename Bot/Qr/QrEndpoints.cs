using System.Globalization;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Bot.Hosting;
using System.Text;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.PublicPages;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.Qr;

/// <summary><c>/qr</c>: QR codes of the web chat page and of each procedure's public page, and a printable sheet of them all.</summary>
public static class QrEndpoints
{
    public static IEndpointRouteBuilder MapQr(this IEndpointRouteBuilder app)
    {
        app.MapGet("/qr", (HttpRequest request, IOptions<WebChatOptions> options) => Png(options.Value.PageUrl(request).AbsoluteUri));
        app.MapGet("/qr/posters", Posters);
        app.MapGet("/qr/{procedureId}", (HttpRequest request, string procedureId, IOptions<WebChatOptions> options, IProcedureDirectory directory) =>
            directory.Find(procedureId) is { } procedure
                ? Png(ProcedurePages.PageUrl(options.Value.PageUrl(request), procedure.Id))
                : TypedResults.Problem(TextTemplate.Fill(ProblemTexts.ProcedureNotFound, procedureId), statusCode: StatusCodes.Status404NotFound));
        return app;
    }

    private static IResult Png(string url) => TypedResults.File(QrCodes.Png(url), "image/png");

    /// <summary>Shown on the posters page when the codes would point at this machine.</summary>
    public const string LoopbackWarning =
        "Chú ý: mã QR đang chứa địa chỉ của chính máy này, điện thoại của người dân sẽ không mở được. "
        + "Hãy đặt WebChat:PublicUrl (địa chỉ công khai của trang hỏi đáp) rồi mới in.";

    /// <summary>The posters of the commune the address names; with several communes and none named, the list of communes.</summary>
    private static IResult Posters(HttpRequest request, IOptions<WebChatOptions> options, IProcedureDirectory directory)
    {
        if (CommuneAddresses.Of(request.HttpContext) is not { } commune)
        {
            return TypedResults.Redirect("../");
        }
        var office = commune.Office;
        var page = options.Value.PageUrl(request);
        // Absolute, from the public address: the sheet lives under /qr/, and behind a proxy the host may sit under a path.
        string Beside(string relative) => Encode(new Uri(page, relative).AbsoluteUri);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Mã QR hỏi đáp thủ tục — {{Encode(office.OfficeName)}}</title>
            <link rel="icon" href="{{Beside(WebChatPage.FaviconPath.TrimStart('/'))}}">
            <link rel="stylesheet" href="{{Beside("posters.css")}}">
            </head>
            <body>
            <p class="no-print">Bấm Ctrl+P (hoặc "In") để in. Mỗi thẻ có thể cắt rời và dán ở quầy.</p>
            """);
        if (WebChatOptions.IsLoopback(page))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warning no-print\" role=\"alert\">{Encode(LoopbackWarning)}</p>\n");
        }
        html.Append("<main class=\"sheet\">\n");
        AppendCard(html, office, "Hỏi đáp thủ tục hành chính", new Uri(page, "qr").AbsoluteUri, page.AbsoluteUri, ScanToAsk);
        foreach (var procedure in directory.All())
        {
            AppendCard(html, office, procedure.Name, new Uri(page, $"qr/{Uri.EscapeDataString(procedure.Id)}").AbsoluteUri, ProcedurePages.PageUrl(page, procedure.Id), ScanToRead);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private const string ScanToAsk = "Mở Zalo hoặc máy ảnh, quét mã để hỏi ngay trên điện thoại.";
    private const string ScanToRead = "Mở Zalo hoặc máy ảnh, quét mã để xem giấy tờ cần mang, lệ phí, nơi nộp và hỏi ngay trên điện thoại.";

    private static void AppendCard(StringBuilder html, OfficeOptions office, string title, string image, string url, string how) =>
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="card">
            <p class="office">{Encode(office.OfficeName)}</p>
            <h2>{Encode(title)}</h2>
            <img src="{Encode(image)}" alt="Mã QR: {Encode(title)}">
            <p class="how">{how}</p>
            <p class="url">{Encode(url)}</p>
            </section>

            """);
}
