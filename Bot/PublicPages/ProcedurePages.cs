using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using OneStopBot.Bot.WebChat;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.PublicPages;

/// <summary>
/// <c>/thu-tuc</c>: every procedure by group; <c>/thu-tuc/{id}</c>: one procedure. The published procedures of the
/// commune the address names (<c>/xa/{commune}/thu-tuc</c>, its host name, or the one commune), made from the files the
/// bot answers from, with that commune's facts. No script: they read on any phone, print on A4, and are small (compressed,
/// cached, revalidated by ETag). Links are relative, so they work under a proxy's path. Any site may link or frame them:
/// they hold nothing personal and no action a hidden frame could trigger.
/// </summary>
public static partial class ProcedurePages
{
    public const string IndexPath = "/thu-tuc";

    public const string StyleSheet = "procedures.css";

    /// <summary>Procedure ids as the catalog allows them, bounded.</summary>
    public const int MaxIdLength = 64;

    // Five minutes without asking again (moving between the list and a page on a slow line), then a 304 by ETag.
    private const string CacheControl = "public, max-age=300";

    // The pages run no script and load only this host's style sheet and images; framing is left open on purpose.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

    public static IServiceCollection AddProcedurePages(this IServiceCollection services) =>
        services
            // A page is some 10 KB of text: the best compression costs little and saves the most on a slow line.
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.SmallestSize)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.SmallestSize)
            .AddResponseCompression(options =>
            {
                // The pages hold no secret and repeat nothing a visitor sends, so compressing over https gives nothing away.
                options.EnableForHttps = true;
                options.MimeTypes = ["text/html"];
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
            });

    public static WebApplication MapProcedurePages(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(IndexPath, StringComparison.Ordinal), pages => pages.UseResponseCompression());
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(IndexPath, methods, Index);
        app.MapMethods(IndexPath + "/{id}", methods, One);
        return app;
    }

    /// <summary>The page of a procedure at the public address (<c>https://xa.gov.vn/hoi-dap/thu-tuc/khai-sinh</c>): what the QR posters encode.</summary>
    public static string PageUrl(Uri site, string procedureId) =>
        new Uri(site, IndexPath.TrimStart('/') + "/" + Uri.EscapeDataString(procedureId)).AbsoluteUri;

    /// <summary>Whether the text can be a procedure id at all: lower-case letters, digits and single hyphens, bounded.</summary>
    public static bool IsValidId(string id) => id.Length <= MaxIdLength && IdPattern().IsMatch(id);

    private static IResult Index(HttpContext http, ProcedureCatalog catalog, EndpointDataSource endpoints)
    {
        // "/thu-tuc/" would resolve the page's relative links one folder too deep.
        if (http.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect("../" + IndexPath.TrimStart('/'), permanent: true);
        }
        if (CommuneAddresses.Of(http) is not { } commune)
        {
            return TypedResults.Redirect("./");
        }
        var office = commune.Office;
        var vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
        var groups = catalog.All
            .GroupBy(p => p.Group)
            .OrderBy(g => g.Key, vietnamese)
            .Select(g => $"""
                <section>
                <h2>{Encode(g.Key)}</h2>
                <ul class="list">
                {string.Concat(g.OrderBy(p => p.OfficialName, vietnamese).Select(Entry))}</ul>
                </section>

                """);
        var main = $"""
            <main class="page">
            <h1>{ProcedurePageTexts.IndexTitle}</h1>
            <p>{ProcedurePageTexts.IndexIntro}</p>
            <p class="no-print"><a class="action" href="./">{ProcedurePageTexts.AskChat}</a></p>
            {string.Concat(groups)}</main>
            """;
        var footer = $"""<p class="no-print"><a href="qr/posters">{ProcedurePageTexts.Posters}</a></p>""";
        return Html(http, Layout(ProcedurePageTexts.IndexTitle, "", office, endpoints, main, footer));
    }

    private static string Entry(Procedure procedure) =>
        $"""<li><a href="thu-tuc/{Uri.EscapeDataString(procedure.Id)}">{Encode(procedure.OfficialName)}</a><span>{Encode(procedure.SimpleName)}</span></li>""" + "\n";

    private static IResult One(HttpContext http, string id, ProcedureCatalog catalog, PlainWords words, EndpointDataSource endpoints)
    {
        // With several communes a page is a commune's: without one in the address, the residents choose theirs.
        if (CommuneAddresses.Of(http) is not { } commune)
        {
            return TypedResults.Redirect("../");
        }
        var office = commune.Office;
        if (!IsValidId(id) || catalog.Find(id) is not { } procedure)
        {
            return NotFound(http, id, office, endpoints);
        }
        var page = new ProcedurePage(procedure, office, words);
        var escaped = Uri.EscapeDataString(procedure.Id);
        var main = $"""
            <main class="page">
            <p class="group">{Encode(procedure.Group)}</p>
            <h1>{Encode(procedure.OfficialName)}</h1>
            <p class="simple">{Encode(procedure.SimpleName)}</p>
            {page.Summary()}<p class="no-print"><a class="action" href="../?{WebChatPage.ProcedureParameter}={escaped}">{ProcedurePageTexts.AskAboutThis}</a></p>
            {string.Concat(page.Sections())}</main>
            """;
        var footer = $"""
            <figure class="qr"><img src="../qr/{escaped}" width="132" height="132" alt="{ProcedurePageTexts.QrAlt}"><figcaption>{ProcedurePageTexts.QrCaption}</figcaption></figure>
            """;
        return Html(http, Layout(procedure.OfficialName, "../", office, endpoints, main, footer));
    }

    /// <summary>A page for browsers, a problem for other clients; the id is repeated only when it could be one.</summary>
    private static IResult NotFound(HttpContext http, string id, OfficeOptions office, EndpointDataSource endpoints)
    {
        http.Response.Headers.Vary = HeaderNames.Accept;
        var wantsPage = http.Request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (!wantsPage)
        {
            var detail = IsValidId(id)
                ? string.Format(CultureInfo.InvariantCulture, Hosting.ProblemTexts.ProcedureNotFound, id)
                : string.Format(CultureInfo.InvariantCulture, ProcedurePageTexts.InvalidId, MaxIdLength);
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: ProcedurePageTexts.NotFoundTitle);
        }
        var main = $"""
            <main class="page">
            <h1>{ProcedurePageTexts.NotFoundTitle}</h1>
            <p>{ProcedurePageTexts.NotFound}</p>
            <p><a class="action" href="../thu-tuc">{ProcedurePageTexts.AllProcedures}</a></p>
            <p><a href="../">{ProcedurePageTexts.AskChat}</a></p>
            </main>
            """;
        SecurityHeaders(http);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(Layout(ProcedurePageTexts.NotFoundTitle, "../", office, endpoints, main, ""), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
    }

    /// <summary>The frame of every page: the chat page's head and header, the main part, the office's facts at the foot.</summary>
    private static string Layout(string title, string up, OfficeOptions office, EndpointDataSource endpoints, string main, string footer)
    {
        var hashed = WebChatPage.HashedNames(endpoints);
        string Asset(string path) => Encode(up + hashed.GetValueOrDefault(path, path));
        return $$"""
            {{WebChatPage.Head(title + " — " + office.OfficeName, Asset, StyleSheet)}}
            </head>
            <body class="procedures">
            <header class="top">
            <p class="commune">{{Encode(office.CommuneName)}}</p>
            <p>{{Encode(office.OfficeName)}}</p>
            </header>
            {{(up.Length == 0 ? "" : $"<nav class=\"no-print\"><a href=\"{up}thu-tuc\">{ProcedurePageTexts.AllProcedures}</a></nav>")}}
            {{main}}
            <footer>
            <p>{{ProcedurePage.OfficeFacts(office)}}</p>
            {{footer}}
            </footer>
            </body>
            </html>
            """;
    }

    /// <summary>The page with its validators: a weak ETag (the same page compressed or not), 304 when the browser has it.</summary>
    private static IResult Html(HttpContext http, string html)
    {
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..20]}\"", isWeak: true);
        var response = http.Response.GetTypedHeaders();
        response.ETag = tag;
        http.Response.Headers.CacheControl = CacheControl;
        SecurityHeaders(http);
        var asked = http.Request.GetTypedHeaders().IfNoneMatch;
        if (asked.Any(known => known.Equals(EntityTagHeaderValue.Any) || known.Compare(tag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static void SecurityHeaders(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();
}
