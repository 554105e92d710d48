using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels.DirectLine;

namespace OneStopBot.Bot.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private DirectLineTokens Tokens(string secret) =>
        new(Options.Create(new DirectLineOptions { TokenSecret = secret, TokenLifetime = TimeSpan.FromMinutes(30) }), time);

    [Fact]
    public void A_token_carries_its_conversation_user_and_expiry()
    {
        var tokens = Tokens("khoá");

        var check = tokens.Check(tokens.Issue("c1", "dl_u"));

        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal(new DirectLineGrant("c1", "dl_u", time.GetUtcNow().AddMinutes(30), StaffName: null, IssuedAt: time.GetUtcNow()), check.Grant);
        Assert.Equal(1800, tokens.SecondsLeft(check.Grant!));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_invalid()
    {
        var token = Tokens("khoá một").Issue("c1", "dl_u");

        Assert.Equal(TokenStatus.Invalid, Tokens("khoá hai").Check(token).Status);
    }

    [Fact]
    public void Without_a_configured_secret_each_process_signs_with_its_own_random_key()
    {
        var token = Tokens("").Issue("c1", "dl_u");

        Assert.Equal(TokenStatus.Invalid, Tokens("").Check(token).Status);
    }

    [Fact]
    public void A_token_expires_at_the_end_of_its_lifetime()
    {
        var tokens = Tokens("khoá");
        var token = tokens.Issue("c1", "dl_u");

        time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var before = tokens.Check(token).Status;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TokenStatus.Valid, before);
        Assert.Equal(TokenStatus.Expired, tokens.Check(token).Status);
    }

    [Theory]
    [InlineData(null, TokenStatus.Missing)]
    [InlineData(" ", TokenStatus.Missing)]
    [InlineData("abc", TokenStatus.Invalid)]
    [InlineData("a.b", TokenStatus.Invalid)]
    [InlineData("a.b.c.d", TokenStatus.Invalid)]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.!!", TokenStatus.Invalid)]
    public void Garbage_is_not_a_token(string? token, TokenStatus expected)
    {
        Assert.Equal(expected, Tokens("khoá").Check(token).Status);
    }
}
