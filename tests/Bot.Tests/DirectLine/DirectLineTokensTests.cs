using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels.DirectLine;

namespace OneStopBot.Bot.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private const string Key = "khoá của xã Phước Đức, đủ 32 byte trở lên";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private DirectLineTokens Tokens(string secret) =>
        new(Options.Create(new DirectLineOptions { TokenSecret = secret, TokenLifetime = TimeSpan.FromMinutes(30) }), time);

    [Fact]
    public async Task A_token_carries_its_conversation_user_and_expiry()
    {
        var tokens = Tokens(Key);

        var check = await tokens.CheckAsync(tokens.Issue("c1", "dl_u"));

        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal(new DirectLineGrant("c1", "dl_u", time.GetUtcNow().AddMinutes(30), StaffName: null, IssuedAt: time.GetUtcNow()), check.Grant);
        Assert.Equal(1800, tokens.SecondsLeft(check.Grant!));
    }

    [Fact]
    public async Task A_staff_token_carries_the_staff_name_and_never_carries_over()
    {
        var tokens = Tokens(Key);
        var token = tokens.Issue("c1", "u", "Chị Lan");

        Assert.Equal("Chị Lan", (await tokens.CheckAsync(token)).Grant!.StaffName);
        Assert.Null(await tokens.CarriedOverAsync(token));
    }

    [Fact]
    public async Task A_token_is_a_standard_hs256_jwt_with_the_claims_clients_read()
    {
        var token = Tokens(Key).Issue("c1", "dl_u");

        var parts = token.Split('.');
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        Assert.Contains("\"alg\":\"HS256\"", header);
        Assert.Contains("\"user\":\"dl_u\"", payload);
        Assert.Contains("\"conv\":\"c1\"", payload);
        Assert.Contains($"\"exp\":{time.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds()}", payload);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_invalid()
    {
        var token = Tokens(Key).Issue("c1", "dl_u");

        Assert.Equal(TokenStatus.Invalid, (await Tokens(Key + " khác").CheckAsync(token)).Status);
    }

    [Fact]
    public async Task Without_a_configured_secret_each_process_signs_with_its_own_random_key()
    {
        var token = Tokens("").Issue("c1", "dl_u");

        Assert.Equal(TokenStatus.Invalid, (await Tokens("").CheckAsync(token)).Status);
    }

    [Fact]
    public async Task A_token_expires_at_the_end_of_its_lifetime()
    {
        var tokens = Tokens(Key);
        var token = tokens.Issue("c1", "dl_u");

        time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var before = (await tokens.CheckAsync(token)).Status;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TokenStatus.Valid, before);
        Assert.Equal(TokenStatus.Expired, (await tokens.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task An_expired_token_carries_over_for_a_day_only()
    {
        var tokens = Tokens(Key);
        var token = tokens.Issue("c1", "dl_u");

        time.Advance(DirectLineTokens.CarryOverWindow - TimeSpan.FromSeconds(1));
        var within = await tokens.CarriedOverAsync(token);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("c1", within?.ConversationId);
        Assert.Null(await tokens.CarriedOverAsync(token));
    }

    [Fact]
    public async Task A_tampered_payload_is_invalid()
    {
        var tokens = Tokens(Key);
        var parts = tokens.Issue("c1", "dl_u").Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("dl_u", "dl_x");

        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.Equal(TokenStatus.Invalid, (await tokens.CheckAsync(tampered)).Status);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_invalid()
    {
        var tokens = Tokens(Key);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"conv":"c1","user":"dl_u","iat":{{time.GetUtcNow().ToUnixTimeSeconds()}},"exp":{{time.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}"""));
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);

        Assert.Equal(TokenStatus.Invalid, (await tokens.CheckAsync($"{header}.{payload}.")).Status);
    }

    [Fact]
    public async Task A_token_signed_with_another_algorithm_and_the_same_key_is_invalid()
    {
        var tokens = Tokens(Key);
        var header = Base64Url.EncodeToString("""{"alg":"HS512","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"conv":"c1","user":"dl_u","iat":{{time.GetUtcNow().ToUnixTimeSeconds()}},"exp":{{time.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}"""));
        var signature = HMACSHA512.HashData(Encoding.UTF8.GetBytes(Key), Encoding.ASCII.GetBytes($"{header}.{payload}"));

        Assert.Equal(TokenStatus.Invalid, (await tokens.CheckAsync($"{header}.{payload}.{Base64Url.EncodeToString(signature)}")).Status);
    }

    [Theory]
    [InlineData(null, TokenStatus.Missing)]
    [InlineData(" ", TokenStatus.Missing)]
    [InlineData("abc", TokenStatus.Invalid)]
    [InlineData("a.b", TokenStatus.Invalid)]
    [InlineData("a.b.c.d", TokenStatus.Invalid)]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.!!", TokenStatus.Invalid)]
    public async Task Garbage_is_not_a_token(string? token, TokenStatus expected)
    {
        Assert.Equal(expected, (await Tokens(Key).CheckAsync(token)).Status);
    }

    [Fact]
    public async Task A_huge_token_is_refused_without_parsing()
    {
        Assert.Equal(TokenStatus.Invalid, (await Tokens(Key).CheckAsync(new string('a', 100_000))).Status);
    }
}
