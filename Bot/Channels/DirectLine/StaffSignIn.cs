using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Edge;
using OneStopBot.Bot.Hosting;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// <c>POST /v3/directline/staff/tokens</c> with <c>{"user":"…","password":"…"}</c>: a staff member of the web chat
/// signs in with their own password and gets a Direct Line token whose signed staff claim carries their name.
/// Every attempt is counted against the client's address before the password is compared, and a right one is taken
/// back; each sign-in is audited. Only a JSON body is read, so no other site's form can sign anyone in.
/// </summary>
public static class StaffSignIn
{
    public const string Route = "/staff/tokens";

    private const int MaxBodyBytes = 4096;

    internal static async Task<IResult> SignInAsync(
        HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, FailedCredentials failed,
        IStaffPasswordCheck passwords, IOptionsMonitor<StaffOptions> staff, IStaffAuditLog audit)
    {
        // JSON only: a browser sends JSON to another origin only after a preflight that CORS refuses, whereas a form
        // (text/plain, urlencoded, multipart) from any site would be sent as is.
        if (!http.Request.HasJsonContentType())
        {
            return DirectLineEndpoints.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Sign in with a JSON body.");
        }

        var (user, password) = await ReadAsync(http.Request);
        // Counted before the password is compared, so concurrent guesses cannot all pass the check before any is counted.
        if (failed.TryBegin(http) is not { } attempt)
        {
            return DirectLineEndpoints.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many failed sign-ins; try again later.");
        }
        var member = user is null ? null : staff.CurrentValue.Members.FirstOrDefault(m =>
            string.Equals(m.Channel, DirectLineAdapter.ChannelId, StringComparison.OrdinalIgnoreCase) && m.UserId == user && m.PasswordHash.Length > 0);
        // An unknown user's password is hashed all the same, so the answer takes as long and names no account.
        var matches = passwords.Matches(password, member?.PasswordHash ?? StaffPassword.Unmatchable);
        if (member is null || !matches)
        {
            return DirectLineEndpoints.Error(StatusCodes.Status401Unauthorized, "BadCredentials", "The user or password is not right.");
        }
        attempt.Succeeded();
        var name = staff.CurrentValue.StaffNameOf(member.Channel, member.UserId)!;
        if (conversations.TryCreate(member.UserId, name) is not { } conversation)
        {
            return DirectLineEndpoints.Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many conversations are open; try again in a few minutes.");
        }
        audit.Record(name, "staff.signin", details: DirectLineAdapter.ChannelId);
        return DirectLineEndpoints.TokenFor(conversation, tokens);
    }

    private static async Task<(string? User, string? Password)> ReadAsync(HttpRequest request)
    {
        var (bytes, _) = await CappedBody.ReadAsync(request, MaxBodyBytes);
        if (bytes is null)
        {
            return (null, null);
        }
        try
        {
            var body = JToken.Parse(System.Text.Encoding.UTF8.GetString(bytes)) as JObject;
            return (body?["user"] is JValue { Value: string user } ? user : null, body?["password"] is JValue { Value: string password } ? password : null);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, null);
        }
    }
}
