using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>Who a valid token lets in: one user (a signed-in staff member when <paramref name="StaffName"/> is set), in one conversation, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt, string? StaffName = null, DateTimeOffset IssuedAt = default);

public enum TokenStatus
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

public sealed record TokenCheck(TokenStatus Status, DirectLineGrant? Grant);

/// <summary>
/// Direct Line tokens as compact JWTs signed with HMAC-SHA256, so that clients which peek into the token
/// (Web Chat reads the user id from it) see the usual shape.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] key;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var secret = options.Value.TokenSecret;
        key = secret.Length == 0 ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
        lifetime = options.Value.TokenLifetime;
        this.time = time;
    }

    public TimeSpan Lifetime => lifetime;

    public string Issue(string conversationId, string userId, string? staffName = null)
    {
        var now = time.GetUtcNow();
        var claims = new Claims(conversationId, userId, now.ToUnixTimeSeconds(), (now + lifetime).ToUnixTimeSeconds(), staffName);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var unsigned = $"{Header}.{payload}";
        return $"{unsigned}.{Base64Url.EncodeToString(Sign(unsigned))}";
    }

    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new TokenCheck(TokenStatus.Missing, null);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header || !Base64Url.IsValid(parts[2]) || !Base64Url.IsValid(parts[1]))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }
        if (!CryptographicOperations.FixedTimeEquals(Sign($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2])))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        Claims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<Claims>(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (JsonException)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }
        if (claims is null || string.IsNullOrEmpty(claims.Conversation) || string.IsNullOrEmpty(claims.User))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var grant = new DirectLineGrant(
            claims.Conversation, claims.User, DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt), claims.Staff, DateTimeOffset.FromUnixTimeSeconds(claims.IssuedAt));
        return time.GetUtcNow() >= grant.ExpiresAt
            ? new TokenCheck(TokenStatus.Expired, grant)
            : new TokenCheck(TokenStatus.Valid, grant);
    }

    /// <summary>
    /// The resident whose earlier token (even expired, if issued within a day) a page presents to start a new
    /// conversation as the same user; null for anything else. Staff tokens never carry over: staff sign in again.
    /// </summary>
    public string? Continues(string token) =>
        Check(token) is { Status: TokenStatus.Valid or TokenStatus.Expired, Grant: { StaffName: null } grant }
        && time.GetUtcNow() - grant.IssuedAt < TimeSpan.FromDays(1)
            ? grant.UserId
            : null;

    /// <summary>Seconds until the grant expires, as Direct Line's <c>expires_in</c>.</summary>
    public int SecondsLeft(DirectLineGrant grant) =>
        (int)Math.Max(0, Math.Ceiling((grant.ExpiresAt - time.GetUtcNow()).TotalSeconds));

    private byte[] Sign(string unsigned) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned));

    private sealed record Claims(
        [property: JsonPropertyName("conv")] string Conversation,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long ExpiresAt,
        [property: JsonPropertyName("staff"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Staff);
}
