using Microsoft.AspNetCore.Http.HttpResults;
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

    internal static Results<Ok<TokenResponse>, JsonHttpResult<DirectLineError>> SignIn(
        HttpContext http, StaffSignInRequest request, DirectLineConversations conversations, DirectLineTokens tokens, StaffCredentials credentials, IStaffAuditLog audit) =>
        credentials.Check(http, request.User, request.Password) switch
        {
            CredentialCheck.Blocked =>
                DirectLineError.Answer(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many failed sign-ins; try again later."),
            CredentialCheck.Member(var member, var name) => Issue(member, name, conversations, tokens, audit),
            _ => DirectLineError.Answer(StatusCodes.Status401Unauthorized, "BadCredentials", "The user or password is not right."),
        };

    /// <summary>
    /// A staff chat token for a member whose identity is proven (by password here, or by the workspace's session); its
    /// turns act for <paramref name="commune"/> when the member may (the one chosen in the workspace), else their own.
    /// </summary>
    internal static Results<Ok<TokenResponse>, JsonHttpResult<DirectLineError>> Issue(
        StaffMember member, string name, DirectLineConversations conversations, DirectLineTokens tokens, IStaffAuditLog audit, string? commune = null)
    {
        if (conversations.TryCreate(member.UserId, name, commune) is not { } conversation)
        {
            return DirectLineError.TooManyConversations();
        }
        audit.Record(name, "staff.signin", details: DirectLineAdapter.ChannelId);
        return DirectLineEndpoints.TokenFor(conversation, tokens);
    }
}

/// <summary>
/// The sign-in body. Anything but JSON is refused (415): a browser sends JSON to another origin only after a preflight
/// that CORS refuses, whereas a form (text/plain, urlencoded, multipart) from any site would be sent as is. A JSON body
/// that is not an object of two strings is no credential (a 401 follows), never an error of the host.
/// </summary>
public sealed record StaffSignInRequest(string? User, string? Password)
{
    private const int MaxBodyBytes = 4096;

    public static async ValueTask<StaffSignInRequest> BindAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            throw new DirectLineRefusal(
                DirectLineError.Answer(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Sign in with a JSON body."), "Not a JSON body.");
        }
        var (bytes, _) = await CappedBody.ReadAsync(http.Request, MaxBodyBytes);
        if (bytes is null)
        {
            return new StaffSignInRequest(null, null);
        }
        try
        {
            var body = JToken.Parse(System.Text.Encoding.UTF8.GetString(bytes)) as JObject;
            return new StaffSignInRequest(
                body?["user"] is JValue { Value: string user } ? user : null,
                body?["password"] is JValue { Value: string password } ? password : null);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new StaffSignInRequest(null, null);
        }
    }
}
