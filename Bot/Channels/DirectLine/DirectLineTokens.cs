using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// Who a valid token lets in: one user (a signed-in staff member when <paramref name="StaffName"/> is set), in one
/// conversation, until it expires; <paramref name="Commune"/> is the commune whose web chat it was made for.
/// </summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt, string? StaffName = null, DateTimeOffset IssuedAt = default, string? Commune = null);

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
/// (Web Chat reads the user id from it) see the usual shape. Expiry is judged here against the injected clock,
/// so that an expired token is told apart from a forged one (403 against 401).
/// </summary>
public sealed class DirectLineTokens
{
    /// <summary>A page may carry on from an earlier token (even expired) issued within this long.</summary>
    public static readonly TimeSpan CarryOverWindow = TimeSpan.FromDays(1);

    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";
    private const string StaffClaim = "staff";
    private const string CommuneClaim = "xa";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly SigningCredentials credentials;
    private readonly TokenValidationParameters validation;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var secret = options.Value.TokenSecret;
        var key = new SymmetricSecurityKey(secret.Length == 0 ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret));
        credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            // Judged below with the injected clock and no skew, so that expiry is exact and testable.
            ValidateLifetime = false,
        };
        lifetime = options.Value.TokenLifetime;
        this.time = time;
    }

    public TimeSpan Lifetime => lifetime;

    /// <param name="commune">The commune whose web chat the conversation is: signed in, so that no request can move it to another.</param>
    public string Issue(string conversationId, string userId, string? staffName = null, string? commune = null)
    {
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId };
        if (staffName is not null)
        {
            claims[StaffClaim] = staffName;
        }
        if (commune is not null)
        {
            claims[CommuneClaim] = commune;
        }
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = credentials,
        });
    }

    public async Task<TokenCheck> CheckAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new TokenCheck(TokenStatus.Missing, null);
        }
        // Longer than any token issued here: the handler is not asked to parse megabytes.
        if (token.Length > 4096)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }
        var result = await Handler.ValidateTokenAsync(token, validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversation) || string.IsNullOrEmpty(conversation)
            || !jwt.TryGetPayloadValue<string>(UserClaim, out var user) || string.IsNullOrEmpty(user))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }
        var staff = jwt.TryGetPayloadValue<string>(StaffClaim, out var name) ? name : null;
        var commune = jwt.TryGetPayloadValue<string>(CommuneClaim, out var xa) ? xa : null;
        var grant = new DirectLineGrant(conversation, user, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), staff, new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero), commune);
        return HasExpired(grant)
            ? new TokenCheck(TokenStatus.Expired, grant)
            : new TokenCheck(TokenStatus.Valid, grant);
    }

    /// <summary>
    /// The grant of a resident's earlier token, even expired, if it was issued within <see cref="CarryOverWindow"/>:
    /// what a page shows to continue as the same user or in the same conversation. Null for anything else; staff
    /// tokens never carry over: staff sign in again.
    /// </summary>
    public async Task<DirectLineGrant?> CarriedOverAsync(string token) =>
        await CheckAsync(token) is { Status: TokenStatus.Valid or TokenStatus.Expired, Grant: { } grant } && CarriesOver(grant)
            ? grant
            : null;

    /// <summary>Whether a resident's grant, even expired, was issued recently enough to carry over; a staff grant never does.</summary>
    public bool CarriesOver(DirectLineGrant grant) =>
        grant.StaffName is null && time.GetUtcNow() - grant.IssuedAt < CarryOverWindow;

    public bool HasExpired(DirectLineGrant grant) => time.GetUtcNow() >= grant.ExpiresAt;

    /// <summary>Seconds until the grant expires, as Direct Line's <c>expires_in</c>.</summary>
    public int SecondsLeft(DirectLineGrant grant) =>
        (int)Math.Max(0, Math.Ceiling((grant.ExpiresAt - time.GetUtcNow()).TotalSeconds));
}
