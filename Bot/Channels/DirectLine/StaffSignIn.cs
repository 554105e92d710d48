using Newtonsoft.Json.Linq;
using OneStopBot.Bot.StaffWeb;
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
        HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, StaffCredentials credentials, IStaffAuditLog audit)
    {
        // JSON only: a browser sends JSON to another origin only after a preflight that CORS refuses, whereas a form
        // (text/plain, urlencoded, multipart) from any site would be sent as is.
        if (!http.Request.HasJsonContentType())
        {
            return DirectLineEndpoints.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Sign in with a JSON body.");
        }

        var (user, password) = await ReadAsync(http.Request);
        switch (credentials.Check(http, user, password))
        {
            case CredentialCheck.Blocked:
                return DirectLineEndpoints.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many failed sign-ins; try again later.");
            case CredentialCheck.Member(var member, var name):
                return Issue(member, name, conversations, tokens, audit);
            default:
                return DirectLineEndpoints.Error(StatusCodes.Status401Unauthorized, "BadCredentials", "The user or password is not right.");
        }
    }

    /// <summary>
    /// A staff chat token for a member whose identity is proven (by password here, or by the workspace's session); its
    /// turns act for <paramref name="commune"/> when the member may (the one chosen in the workspace), else their own.
    /// </summary>
    internal static IResult Issue(StaffMember member, string name, DirectLineConversations conversations, DirectLineTokens tokens, IStaffAuditLog audit, string? commune = null)
    {
        if (conversations.TryCreate(member.UserId, name, commune) is not { } conversation)
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
