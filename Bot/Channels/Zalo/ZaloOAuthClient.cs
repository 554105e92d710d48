using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>A new pair of OA tokens.</summary>
public sealed record ZaloTokenPair(string AccessToken, string RefreshToken);

/// <summary>Zalo's OAuth server (typed HTTP client, base address <c>Zalo:OAuthBaseUrl</c>).</summary>
public sealed class ZaloOAuthClient(HttpClient http, IOptionsMonitor<ZaloOptions> options)
{
    public const string AccessTokenPath = "v4/oa/access_token";

    /// <summary>Trades the single-use refresh token for a new pair; throws a transient delivery failure when Zalo refuses.</summary>
    public async Task<ZaloTokenPair> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, AccessTokenPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = settings.AppId,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.TryAddWithoutValidation("secret_key", settings.AppSecret);
        using var response = await http.SendAsync(request, cancellationToken);
        JsonElement body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new DeliveryFailedException($"Zalo token refresh: HTTP {(int)response.StatusCode}, unreadable answer", isTransient: true, exception);
        }

        var access = Text(body, "access_token");
        var refresh = Text(body, "refresh_token");
        if (!response.IsSuccessStatusCode || access is null || refresh is null)
        {
            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? ZaloApiResult.AsInt(e) : null;
            var name = Text(body, "error_name") ?? Text(body, "message") ?? "no tokens in the answer";
            throw new DeliveryFailedException($"Zalo token refresh: HTTP {(int)response.StatusCode}, error {error}: {name}", isTransient: true);
        }
        return new ZaloTokenPair(access, refresh);
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : null;
}
