using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Tests.DirectLine;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Replays against the Direct Line token scheme: every conversation endpoint, with no token, a forged one, one signed
/// with another key, an expired one, another conversation's, and a token moved into the query where only the stream
/// reads it. Each is refused before the endpoint runs, with Direct Line's error, and the conversation is unchanged.
/// </summary>
public sealed class DirectLineTokenAttackTests(DirectLineFactory factory) : IClassFixture<DirectLineFactory>
{
    private const string TestTokenSecret = "test-secret-of-at-least-32-bytes!";

    private readonly DirectLineClient client = new(factory.CreateClient());

    public static TheoryData<string, string, string, HttpStatusCode, string> Attacks()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode, string>();
        (string Method, string Path)[] endpoints =
        [
            ("GET", "/activities"), ("POST", "/activities"), ("GET", ""), ("POST", "/upload"),
        ];
        (string Attack, HttpStatusCode Status, string Code)[] attacks =
        [
            ("none", HttpStatusCode.Unauthorized, "MissingToken"),
            ("garbled", HttpStatusCode.Unauthorized, "BadToken"),
            ("forged-conversation", HttpStatusCode.Unauthorized, "BadToken"),
            ("other-key", HttpStatusCode.Unauthorized, "BadToken"),
            ("alg-none", HttpStatusCode.Unauthorized, "BadToken"),
            ("expired", HttpStatusCode.Forbidden, "TokenExpired"),
            ("other-conversation", HttpStatusCode.Forbidden, "Forbidden"),
            ("in-query", HttpStatusCode.Unauthorized, "MissingToken"),
        ];
        foreach (var (method, path) in endpoints)
        {
            foreach (var (attack, status, code) in attacks)
            {
                data.Add(method, path, attack, status, code);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_conversation_endpoint_refuses_a_token_that_does_not_open_it(string method, string path, string attack, HttpStatusCode status, string code)
    {
        var victim = await client.StartAsync();
        var attacker = await client.StartAsync();
        var (token, query) = TokenFor(attack, victim, attacker);
        var url = $"{DirectLineClient.Base}/conversations/{victim.Id}{path}" + (query is null ? "" : "?t=" + Uri.EscapeDataString(query));
        var body = path == "/upload" ? null : """{"type":"message","text":"đọc trộm hồ sơ"}""";

        using var response = await client.SendAsync(new HttpMethod(method), url, token, method == "POST" ? body : null);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!.Value<string>("code"));
        var (activities, _) = await client.PollAsync(victim);
        Assert.Single(activities);
    }

    [Theory]
    [InlineData("garbled", "401")]
    [InlineData("forged-conversation", "401")]
    [InlineData("expired", "403")]
    [InlineData("other-conversation", "403")]
    public async Task The_stream_refuses_a_query_token_that_does_not_open_its_conversation(string attack, string status)
    {
        var victim = await client.StartAsync();
        var attacker = await client.StartAsync();
        var (token, _) = TokenFor(attack, victim, attacker);
        var url = victim.StreamUrl[..victim.StreamUrl.IndexOf("?t=", StringComparison.Ordinal)] + "?t=" + Uri.EscapeDataString(token!);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(url), CancellationToken.None));

        Assert.Contains(status, refused.Message);
    }

    [Fact]
    public async Task A_renewal_with_another_key_or_a_forged_conversation_is_refused()
    {
        var victim = await client.StartAsync();
        var attacker = await client.StartAsync();
        foreach (var attack in new[] { "forged-conversation", "other-key", "alg-none" })
        {
            using var response = await client.SendAsync(HttpMethod.Post, DirectLineClient.Base + "/tokens/refresh", TokenFor(attack, victim, attacker).Header, null);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    /// <summary>The token an attack presents, in the header or in the query.</summary>
    private (string? Header, string? Query) TokenFor(string attack, DirectLineClient.Conversation victim, DirectLineClient.Conversation attacker)
    {
        var now = factory.Time.GetUtcNow();
        return attack switch
        {
            "none" => (null, null),
            "garbled" => ("eyJhbGciOi.garbled.token", null),
            "forged-conversation" => (WithClaim(attacker.Token, "conv", victim.Id), null),
            "other-key" => (Sign("another-secret-of-at-least-32-bytes", victim.Id, now, now.AddMinutes(30)), null),
            "alg-none" => (Unsigned(victim.Id, now.AddMinutes(30)), null),
            "expired" => (Sign(TestTokenSecret, victim.Id, now.AddMinutes(-40), now.AddMinutes(-10)), null),
            "other-conversation" => (attacker.Token, null),
            "in-query" => (null, victim.Token),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
    }

    private static string WithClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var claims = JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
        claims[claim] = value;
        return $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToString()))}.{parts[2]}";
    }

    /// <summary>A token made as the host makes them (conversation, user, issued, expires), signed with <paramref name="secret"/>.</summary>
    private static string Sign(string secret, string conversationId, DateTimeOffset issuedAt, DateTimeOffset expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = "dl_ke-gian" },
            IssuedAt = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });

    private static string Unsigned(string conversationId, DateTimeOffset expires)
    {
        static string Part(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"conv":"{{conversationId}}","user":"dl_ke-gian","exp":{{expires.ToUnixTimeSeconds()}}}""")}.";
    }
}
