using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The commune's portal on its own loopback origin (BaseUrl, another port than the host's), embedding the chat as
/// README shows: the official Web Chat bundle from the host with a token its backend asks for with DirectLine:Secret,
/// and the iframe in a tall page.
/// </summary>
public sealed class Portal : LoopbackSite
{
    public const string EmbedPath = "/hoi-dap";
    public const string FramePath = "/trang-dai";

    private readonly HttpClient backend = new();

    private Portal(WebApplication app) : base(app)
    {
    }

    /// <summary>The chat host, known once it has started (it must list the portal's origin first).</summary>
    public string? ChatHost { get; set; }

    public static async Task<Portal> StartAsync(string directLineSecret, IPAddress? address = null)
    {
        var app = NewBuilder(address: address).Build();
        var portal = new Portal(app);
        app.MapGet(EmbedPath, () => Results.Content(portal.EmbedPage(), "text/html; charset=utf-8"));
        app.MapGet(FramePath, () => Results.Content(portal.FramingPage(), "text/html; charset=utf-8"));
        app.MapPost("/api/chat-token", async () =>
        {
            // The portal's server holds the secret; the page only ever sees the resident's token.
            using var request = new HttpRequestMessage(HttpMethod.Post, portal.ChatHost + "/v3/directline/tokens/generate")
            {
                Content = new StringContent("""{"user":{"id":"portal_123"}}""", MediaTypeHeaderValue.Parse("application/json")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", directLineSecret);
            using var response = await portal.backend.SendAsync(request);
            return Results.Content(await response.Content.ReadAsStringAsync(), "application/json", statusCode: (int)response.StatusCode);
        });
        await portal.StartAsync();
        return portal;
    }

    private string EmbedPage() => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin xã</title></head>
        <body>
        <h1>Cổng thông tin xã Phước Đức</h1>
        <div id="chat" style="height: 600px"></div>
        <script src="{{ChatHost}}/webchat/webchat.js"></script>
        <script>
          fetch('/api/chat-token', { method: 'POST' }).then(r => r.json()).then(({ token }) =>
            WebChat.renderWebChat({
              directLine: WebChat.createDirectLine({ token, domain: '{{ChatHost}}/v3/directline' }),
              locale: 'vi-VN'
            }, document.getElementById('chat')));
        </script>
        </body></html>
        """;

    private string FramingPage() => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin xã</title></head>
        <body>
        <h1>Cổng thông tin xã Phước Đức</h1>
        <div style="height: 2000px">Tin tức của xã</div>
        {{ReadmeIframe(ChatHost!)}}
        </body></html>
        """;

    /// <summary>README's iframe snippet as a commune pastes it, with the chat host's address in place of the example's.</summary>
    public static string ReadmeIframe(string chatHost)
    {
        const string example = "https://motcua.sonlam.gov.vn/";
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var start = readme.IndexOf("```html\n<iframe ", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no ```html block starting with an iframe.");
        start += "```html\n".Length;
        var snippet = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];
        Assert.Contains($"src=\"{example}\"", snippet, StringComparison.Ordinal);
        return snippet.Replace(example, chatHost + "/", StringComparison.Ordinal);
    }

    public override async ValueTask DisposeAsync()
    {
        backend.Dispose();
        await base.DisposeAsync();
    }
}
