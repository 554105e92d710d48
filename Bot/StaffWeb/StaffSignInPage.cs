using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Edge;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>GET /can-bo</c>: a staff member signs in with the name and password of their web chat entry in
/// <c>Staff:Members</c>; a plain form (with its antiforgery token) posted to <c>/can-bo/dang-nhap</c> starts a
/// workspace session and opens "Hôm nay". A member already signed in goes straight there.
/// </summary>
public static class StaffSignInPage
{
    public const string Path = "/can-bo";

    /// <summary>The staff chat's script, run after chat.js and the bundle.</summary>
    public const string Script = "can-bo/staff.js";

    /// <summary>The first page after signing in.</summary>
    public const string Home = "can-bo/hom-nay";

    internal static IResult Render(HttpContext http) =>
        // "/can-bo/" would resolve the page's relative links one folder too deep.
        http.Request.Path.Value?.EndsWith('/') == true ? Results.Redirect("../can-bo")
        : http.User.Identity is { IsAuthenticated: true, AuthenticationType: StaffSessions.Scheme } ? StaffPages.SeeOther(http, Home)
        : Form(http, null, StatusCodes.Status200OK);

    internal static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, StaffCredentials credentials, IStaffAccountStore accounts, IStaffAuditLog audit,
        StaffCommunes staffCommunes, CommuneContext communes, IOptions<EdgeOptions> edge)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        var user = form["user"].ToString().Trim();
        var password = form["password"].ToString();
        if (user.Length == 0 || password.Length == 0)
        {
            return Form(http, StaffSignInTexts.Missing, StatusCodes.Status400BadRequest, user);
        }
        switch (credentials.Check(http, user, password))
        {
            case CredentialCheck.Member(var member, var name):
                await StaffSessions.SignInAsync(http, member, name, accounts);
                // A sign-in is recorded where the member starts working: their commune (a province administrator's first).
                using (communes.Enter(staffCommunes.For(member)))
                {
                    audit.Record(name, "staff.signin", details: "can-bo");
                }
                return StaffPages.SeeOther(http, Home);
            case CredentialCheck.Blocked:
                return Form(http, string.Format(CultureInfo.InvariantCulture, StaffSignInTexts.TooManyAttempts, Math.Ceiling(edge.Value.FailureWindow.TotalMinutes)),
                    StatusCodes.Status429TooManyRequests, user);
            default:
                return Form(http, StaffSignInTexts.WrongNameOrPassword, StatusCodes.Status401Unauthorized, user);
        }
    }

    private static IResult Form(HttpContext http, string? error, int status, string user = "")
    {
        var root = StaffPages.Root(http);
        var main = $$"""
            <main id="main" class="staff-main">
            <form id="sign-in" class="sign-in" method="post" action="{{root}}can-bo/dang-nhap">
            {{StaffLayout.AntiforgeryField(http)}}
            <h2>{{StaffSignInTexts.Heading}}</h2>
            <p class="hint">{{StaffSignInTexts.Hint}}</p>
            <label for="user">{{StaffSignInTexts.NameLabel}}</label>
            <input id="user" name="user" value="{{Encode(user)}}" autocomplete="username" autocapitalize="none" autocorrect="off" spellcheck="false" maxlength="100" required{{(user.Length == 0 ? " autofocus" : "")}}>
            <label for="password">{{StaffSignInTexts.PasswordLabel}}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" maxlength="200" required{{(user.Length > 0 ? " autofocus" : "")}}>
            {{(error is null ? "" : $"<p id=\"sign-in-error\" class=\"error\" role=\"alert\">{Encode(error)}</p>")}}
            <button type="submit" class="action">{{StaffSignInTexts.SignInButton}}</button>
            <p class="hint"><a href="{{root}}">{{StaffSignInTexts.ResidentsLink}}</a></p>
            </form>
            </main>
            """;
        return StaffLayout.Page(http, new StaffPage(StaffSignInTexts.Heading, main, []), status);
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

    public const string Ended = "Phiên làm việc đã kết thúc hoặc bị mất kết nối. Anh/chị tải lại trang để làm tiếp.";

    public const string ReloadButton = "Tải lại trang";
}
