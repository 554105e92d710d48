using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.FileProviders;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Qr;
using OneStopBot.Office.Communes;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.WebChat;

/// <summary>
/// <c>GET /</c>: the web chat page of the commune the address names (<see cref="CommuneAddresses"/>), or the list of
/// communes when several are served and it names none. The official Web Chat bundle is served from this host
/// (wwwroot/webchat), never from a CDN. <c>/?hoi=khai-sinh</c> opens the chat already asking about that procedure.
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

    /// <summary>The official bundle the page loads: the minimal one, whose Markdown chat.js renders itself.</summary>
    public const string BundlePath = "webchat/webchat-minimal.js";

    /// <summary>The service worker, beside the page so that its scope is the page's folder (also under a proxy's path).</summary>
    public const string ServiceWorkerPath = "/sw.js";

    /// <summary>What the service worker keeps: the page's own files, under their content-hashed names.</summary>
    private static readonly string[] OfflineAssets = ["chat.js", "chat.css", "favicon.svg", BundlePath];

    public static WebApplication MapWebChat(this WebApplication app)
    {
        // Served as built, in every environment: nobody edits wwwroot while the host runs, and the framework's runtime
        // patching for that case would send the bundle uncompressed and uncached.
        app.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        UseBuiltStaticFiles(app.Environment, app.Configuration);
        // Precompressed at build (Brotli and gzip), content-hashed URLs cached for a year, the bare names revalidated.
        app.MapStaticAssets();
        app.MapGet("/", Render);
        app.MapGet(ServiceWorkerPath, ServiceWorker);
        app.MapGet("/favicon.ico", () => Results.Redirect(FaviconPath, permanent: true));
        app.MapQr();
        return app;
    }

    internal static IResult Render(HttpContext http, CommuneDirectory communes, IProcedureDirectory directory, EndpointDataSource endpoints)
    {
        if (CommuneAddresses.Of(http) is not { } commune)
        {
            return CommuneListPage.Render(http, communes, endpoints);
        }
        var office = commune.Office;
        var hashed = HashedNames(endpoints);
        // The content-hashed name, so that a phone keeps the bundle until it changes; relative, for proxies under a path.
        string Asset(string path) => hashed.GetValueOrDefault(path, path);
        var asked = AskedProcedure(http.Request.Query[ProcedureParameter].ToString(), directory);
        var html = $$"""
            {{Head("Hỏi đáp thủ tục — " + office.OfficeName, Asset)}}
            </head>
            <body>
            <header class="top">
            <h1>{{Encode(office.CommuneName)}}</h1>
            <p>{{Encode(office.OfficeName)}}</p>
            </header>
            <p id="loading" class="loading" role="status">{{LoadingText}}</p>
            <main id="webchat" data-commune="{{(communes.IsSingle ? "" : Encode(commune.Id))}}" data-directline="{{DirectLineEndpoints.BasePath.TrimStart('/')}}" data-procedure-id="{{Encode(asked?.Id ?? "")}}" data-procedure-name="{{Encode(asked?.Name ?? "")}}"></main>
            <div id="offline" class="offline" role="alert" hidden><p>{{OfflineText}}</p><button type="button" id="restart">{{RestartButton}}</button></div>
            <noscript><p class="offline">Anh/chị hãy bật JavaScript để trò chuyện.</p></noscript>
            <script src="{{Asset("chat.js")}}"></script>
            <script src="{{Asset(BundlePath)}}"></script>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The start of a page of this host up to its open head: Vietnamese, phone-sized, the office's colour and icon, and the
    /// chat's style sheet followed by the page's own. <paramref name="asset"/> names a static file by its hashed route.
    /// </summary>
    internal static string Head(string title, Func<string, string> asset, params string[] more)
    {
        var styleSheets = string.Join('\n', more.Prepend("chat.css").Select(sheet => $"<link rel=\"stylesheet\" href=\"{asset(sheet)}\">"));
        return $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
        <meta name="theme-color" content="#0b5cad">
        <title>{{Encode(title)}}</title>
        <link rel="icon" href="{{asset("favicon.svg")}}" type="image/svg+xml">
        {{styleSheets}}
        """;
    }

    /// <summary>
    /// A service worker that keeps the page's files under their hashed names. Chromium compiles a script put in its cache
    /// at install and keeps the compiled code beside it, so the next visit starts the 1.9 MB bundle without parsing it
    /// again. Only those exact names are answered from the cache; everything else (the page, Direct Line) goes to the
    /// network as if there were no worker. A new build changes the names, hence this script, which the browser then
    /// installs again, dropping the old cache; until then a name it does not know is fetched from the network.
    /// </summary>
    internal static IResult ServiceWorker(HttpContext http, EndpointDataSource endpoints)
    {
        var hashed = HashedNames(endpoints);
        var assets = OfflineAssets.Select(path => hashed.GetValueOrDefault(path)).OfType<string>().ToArray();
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('|', assets))))[..12];
        var script = $$"""
            'use strict';
            var cacheName = 'onestop-{{version}}';
            var assets = {{System.Text.Json.JsonSerializer.Serialize(assets)}}.map(function (path) { return new URL(path, self.registration.scope).href; });

            self.addEventListener('install', function (event) {
              event.waitUntil(caches.open(cacheName).then(function (cache) { return cache.addAll(assets); }).then(function () { return self.skipWaiting(); }));
            });

            self.addEventListener('activate', function (event) {
              event.waitUntil(caches.keys().then(function (names) {
                return Promise.all(names.filter(function (name) { return name.indexOf('onestop-') === 0 && name !== cacheName; }).map(function (name) { return caches.delete(name); }));
              }));
            });

            self.addEventListener('fetch', function (event) {
              if (event.request.method !== 'GET' || assets.indexOf(event.request.url) < 0) {
                return;
              }
              event.respondWith(caches.open(cacheName).then(function (cache) {
                return cache.match(event.request).then(function (kept) { return kept || fetch(event.request); });
              }));
            });
            """;
        // Checked on every visit, so that a new build reaches phones at once.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(script, "text/javascript; charset=utf-8");
    }

    /// <summary>
    /// Where the static files are. A build's manifest maps them to the project's wwwroot and the compressed copies made at
    /// build, whatever directory <c>dotnet run</c> was typed in (Development loads it by itself); a published host has
    /// them, compressed too, in the wwwroot beside its binaries.
    /// </summary>
    private static void UseBuiltStaticFiles(IWebHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(environment, configuration);
        }
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(environment.WebRootPath) && File.Exists(Path.Combine(besideBinaries, "webchat", "webchat.js.br")))
        {
            environment.WebRootFileProvider = new PhysicalFileProvider(besideBinaries);
        }
    }

    /// <summary>Each static file's content-hashed route (<c>chat.js</c> → <c>chat.u5maustp9i.js</c>), from the build's manifest.</summary>
    internal static Dictionary<string, string> HashedNames(EndpointDataSource endpoints)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var descriptor in endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<StaticAssetDescriptor>()).OfType<StaticAssetDescriptor>())
        {
            var label = descriptor.Properties.FirstOrDefault(p => p.Name == "label")?.Value;
            if (label is not null && descriptor.Properties.Any(p => p.Name == "fingerprint"))
            {
                names[label] = descriptor.Route;
            }
        }
        return names;
    }

    /// <summary>The procedure a QR link asks about: known ids only, so nothing else from the address reaches the page.</summary>
    private static ProcedureEntry? AskedProcedure(string id, IProcedureDirectory directory) =>
        id.Length is 0 or > 100 ? null : directory.Find(id);
}
