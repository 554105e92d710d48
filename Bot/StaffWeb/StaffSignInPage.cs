using System.Globalization;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Edge;
using OneStopBot.Bot.WebChat;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>GET /can-bo</c>: a staff member signs in with the name and password of their web chat entry in
/// <c>Staff:Members</c>, then works in the same Web Chat client as residents, with a staff token (the slash commands
/// answer). The form posts JSON to <see cref="StaffSignIn"/>; the token stays in the page's memory only, so signing
/// out, closing the tab or reloading ends the session on this computer.
/// </summary>
public static class StaffSignInPage
{
    public const string Path = "/can-bo";

    /// <summary>The workspace's script, run after chat.js and the bundle.</summary>
    public const string Script = "can-bo/staff.js";

    public static WebApplication MapStaffWeb(this WebApplication app)
    {
        app.MapGet(Path, Render);
        return app;
    }

    internal static IResult Render(HttpContext http, IOptions<OfficeNames> names, IOptions<EdgeOptions> edge, EndpointDataSource endpoints)
    {
        // "/can-bo/" would resolve the page's relative links one folder too deep.
        if (http.Request.Path.Value?.EndsWith('/') == true)
        {
            return Results.Redirect("../can-bo");
        }
        var main = $$"""
            <main class="staff-main">
            <form id="sign-in" class="sign-in" method="post" novalidate
                  data-missing="{{Encode(StaffSignInTexts.Missing)}}" data-wrong="{{Encode(StaffSignInTexts.WrongNameOrPassword)}}"
                  data-too-many="{{Encode(string.Format(CultureInfo.InvariantCulture, StaffSignInTexts.TooManyAttempts, Math.Ceiling(edge.Value.FailureWindow.TotalMinutes)))}}" data-busy="{{Encode(StaffSignInTexts.TooManyChats)}}"
                  data-unreachable="{{Encode(StaffSignInTexts.Unreachable)}}">
            <h2>{{StaffSignInTexts.Heading}}</h2>
            <p class="hint">{{StaffSignInTexts.Hint}}</p>
            <label for="user">{{StaffSignInTexts.NameLabel}}</label>
            <input id="user" name="user" autocomplete="username" autocapitalize="none" autocorrect="off" spellcheck="false" maxlength="100" required>
            <label for="password">{{StaffSignInTexts.PasswordLabel}}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" maxlength="200" required>
            <p id="sign-in-error" class="error" role="alert" hidden></p>
            <button type="submit" class="action">{{StaffSignInTexts.SignInButton}}</button>
            <p class="hint"><a href="./">{{StaffSignInTexts.ResidentsLink}}</a></p>
            </form>
            <p id="loading" class="loading" role="status" hidden>{{StaffSignInTexts.Opening}}</p>
            <div id="webchat" class="staff-chat" data-directline="{{DirectLineEndpoints.BasePath.TrimStart('/')}}" data-sign-in="true" data-placeholder="{{StaffSignInTexts.CommandPlaceholder}}" hidden></div>
            <div id="offline" class="offline" role="alert" hidden><p>{{StaffSignInTexts.Ended}}</p><button type="button" id="restart">{{StaffSignInTexts.SignInAgain}}</button></div>
            </main>
            """;
        return StaffLayout.Page(http, new StaffPage(StaffSignInTexts.Heading, main, ["chat.js", WebChatPage.BundlePath, Script]), names, endpoints);
    }
}

/// <summary>The words of the staff sign-in page, polite as to a colleague.</summary>
public static class StaffSignInTexts
{
    public const string Heading = "Đăng nhập cán bộ";

    public const string Hint = "Dành cho cán bộ bộ phận một cửa. Tên đăng nhập và mật khẩu do người quản trị cấp.";

    public const string NameLabel = "Tên đăng nhập";

    public const string PasswordLabel = "Mật khẩu";

    public const string SignInButton = "Đăng nhập";

    public const string ResidentsLink = "Về trang hỏi đáp của người dân";

    public const string Missing = "Anh/chị nhập cả tên đăng nhập và mật khẩu giúp em.";

    public const string WrongNameOrPassword = "Tên đăng nhập hoặc mật khẩu chưa đúng. Anh/chị kiểm tra lại (chữ hoa, chữ thường) rồi thử lại.";

    /// <summary>{0}: the minutes of <c>Edge:FailureWindow</c>.</summary>
    public const string TooManyAttempts = "Đã nhập sai nhiều lần từ máy này nên việc đăng nhập tạm dừng. Anh/chị đợi {0} phút rồi thử lại, hoặc nhờ người quản trị kiểm tra mật khẩu.";

    public const string TooManyChats = "Máy chủ đang bận. Anh/chị thử lại sau vài phút.";

    public const string Unreachable = "Chưa kết nối được với máy chủ. Anh/chị kiểm tra mạng rồi thử lại.";

    public const string CommandPlaceholder = "Gõ lệnh, ví dụ /thongke";

    public const string Opening = "Đang mở khung làm việc…";

    public const string Ended = "Phiên làm việc đã kết thúc hoặc bị mất kết nối. Anh/chị đăng nhập lại để làm tiếp.";

    public const string SignInAgain = "Đăng nhập lại";
}
