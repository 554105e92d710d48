using Microsoft.AspNetCore.Antiforgery;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>/can-bo/lenh</c>: the staff chat (slash commands) in the same Web Chat client as residents'. Its token comes from
/// the workspace session (<c>POST /can-bo/lenh/token</c>, with the page's antiforgery token in a header), so the password
/// is typed once, on the sign-in page, and signing out of the workspace closes the way to a new staff token.
/// </summary>
public static class StaffChatPage
{
    internal static IResult Render(HttpContext http)
    {
        var root = StaffPages.Root(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var main = $$"""
            <main id="main" class="staff-main">
            <p id="loading" class="loading" role="status">{{StaffSignInTexts.Opening}}</p>
            <p id="chat-error" class="error" role="alert" hidden data-busy="{{Encode(StaffSignInTexts.TooManyChats)}}" data-unreachable="{{Encode(StaffSignInTexts.Unreachable)}}"></p>
            <div id="webchat" class="staff-chat" data-directline="{{root}}{{DirectLineEndpoints.BasePath.TrimStart('/')}}" data-sign-in="true"
                 data-token-url="{{root}}can-bo/lenh/token" data-antiforgery="{{Encode(tokens.RequestToken ?? "")}}" data-placeholder="{{StaffSignInTexts.CommandPlaceholder}}"></div>
            <div id="offline" class="offline" role="alert" hidden><p>{{StaffSignInTexts.Ended}}</p><button type="button" id="restart">{{StaffSignInTexts.ReloadButton}}</button></div>
            </main>
            """;
        return StaffLayout.Page(http, new StaffPage("Khung lệnh", main, ["chat.js", WebChatPage.BundlePath, StaffSignInPage.Script]) { MenuSlug = "lenh" });
    }

    /// <summary>A staff chat token for the signed-in member; the antiforgery header proves the page is the workspace's own.</summary>
    internal static async Task<IResult> TokenAsync(
        HttpContext http, IAntiforgery antiforgery, StaffCredentials credentials, DirectLineConversations conversations, DirectLineTokens tokens,
        IStaffAuditLog audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return StaffPages.Problem(http, StatusCodes.Status400BadRequest, StaffPageTexts.FormExpired);
        }
        var userId = http.User.FindFirst(StaffSessions.UserIdClaim)!.Value;
        return credentials.Find(userId) is { } member
            // The chat acts for the commune the workspace shows, the one a province administrator switched to.
            ? StaffSignIn.Issue(member, http.User.StaffName(), conversations, tokens, audit, http.User.CommuneId())
            : StaffPages.Problem(http, StatusCodes.Status403Forbidden, StaffPageTexts.SignInFirst);
    }
}
