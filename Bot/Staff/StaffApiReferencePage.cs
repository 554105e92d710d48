using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OneStopBot.Bot.Hosting;
using Scalar.AspNetCore;

namespace OneStopBot.Bot.Staff;

/// <summary>
/// The API reference page as a browser sees it. A browser cannot send the <c>X-Api-Key</c> header, so instead of a bare
/// 401 it gets a page that asks for the staff API key, fetches the OpenAPI document and the Scalar bundle with it, and
/// shows the reference with the key filled in for "Test Request". The key stays in the page's memory. Nothing comes
/// from outside the host: no web fonts (Scalar's default fonts are a CDN), no telemetry, no Scalar proxy or client.
/// </summary>
public static class StaffApiReferencePage
{
    public const string Title = "Tài liệu API cho cán bộ";
    public const string Explanation = "Trang này mô tả API mà các hệ thống khác của bộ phận một cửa dùng. Anh/chị nhập khóa API cán bộ để xem: "
        + "đó là giá trị Staff:ApiKey trong cấu hình của bot (trên máy chủ cài theo hướng dẫn: dòng Staff__ApiKey trong /etc/onestopbot/onestopbot.env).";
    public const string KeyLabel = "Khóa API cán bộ";
    public const string Show = "Xem tài liệu";
    public const string WrongKey = "Khóa API không đúng. Anh/chị kiểm tra lại rồi nhập lại.";
    public const string TooManyTries = "Địa chỉ này đã nhập sai khóa quá nhiều lần; xin thử lại sau.";
    public const string Unreachable = "Chưa tải được tài liệu từ máy chủ; xin thử lại.";

    /// <summary>
    /// Scalar's settings, the same for the page served with the key and for this one: no request leaves the host.
    /// The Scalar client, the document download and the developer tools link to Scalar's site, so they are hidden.
    /// </summary>
    public static ScalarOptions Offline(this ScalarOptions options) =>
        options.DisableDefaultFonts().DisableTelemetry().HideClientButton();

    /// <summary>A browser (it asks for HTML) opening the reference page itself, not its script.</summary>
    public static bool IsBrowserVisit(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Path.StartsWithSegments(StaffApi.ReferencePath, out var rest)
        && !rest.Value!.Contains('.', StringComparison.Ordinal)
        && context.Request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Answers 401 with the page that asks for the key.</summary>
    public static Task WriteSignInAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(Html);
    }

    // The texts go into the script as JSON string literals, escaped for HTML too.
    private static string Js(string text) => JsonSerializer.Serialize(text);

    private static readonly string Html = $$"""
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{HtmlText.Encode(Title)}}</title>
        <style>
          /* Only the sign-in part: the reference that replaces it brings its own styles. */
          body { margin: 0; }
          #sign-in { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
          #sign-in label { display: block; font-weight: 600; margin-top: 1rem; }
          #sign-in input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; margin: .3rem 0 .8rem; }
          #sign-in button { padding: .6rem 1.2rem; font-size: 1rem; }
          #error { color: #b00020; }
        </style>
        </head>
        <body>
        <div id="sign-in">
          <h1>{{HtmlText.Encode(Title)}}</h1>
          <p>{{HtmlText.Encode(Explanation)}}</p>
          <form id="form">
            <label for="key">{{HtmlText.Encode(KeyLabel)}}</label>
            <input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
            <button type="submit">{{HtmlText.Encode(Show)}}</button>
          </form>
          <p id="error" role="alert" hidden></p>
        </div>
        <div id="app"></div>
        <script>
        (() => {
          const form = document.getElementById('form');
          const error = document.getElementById('error');
          const say = text => { error.textContent = text; error.hidden = false; };
          // Relative to this page (/scalar/v1), so the page also works under a reverse proxy's path.
          const documentUrl = '../openapi/{{StaffApi.DocumentName}}.json';
          form.addEventListener('submit', async event => {
            event.preventDefault();
            const key = document.getElementById('key').value;
            const headers = { '{{StaffApi.ApiKeyHeader}}': key };
            try {
              const answer = await fetch(documentUrl, { headers });
              if (!answer.ok) {
                say(answer.status === 429 ? {{Js(TooManyTries)}} : {{Js(WrongKey)}});
                return;
              }
              const content = await answer.text();
              const bundle = await fetch('scalar.js', { headers });
              if (!bundle.ok) {
                say({{Js(Unreachable)}});
                return;
              }
              const script = document.createElement('script');
              script.textContent = await bundle.text();
              document.head.appendChild(script);
              document.getElementById('sign-in').remove();
              window.Scalar.createApiReference('#app', {
                content,
                withDefaultFonts: false,
                telemetry: false,
                hideClientButton: true,
                authentication: {
                  preferredSecurityScheme: '{{StaffApi.SecurityScheme}}',
                  securitySchemes: { '{{StaffApi.SecurityScheme}}': { value: key } },
                },
              });
            } catch {
              say({{Js(Unreachable)}});
            }
          });
        })();
        </script>
        </body>
        </html>
        """;
}
