using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// <c>/can-bo/tai-khoan</c>, for leaders: the web chat members of <c>Staff:Members</c>, each disabled or enabled and
/// given a new password here; both end the member's open sessions, and both are audited with the leader.
/// </summary>
public static class AccountPages
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.</summary>
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private const int PasswordLength = 16;

    internal static void Map(RouteGroupBuilder accounts)
    {
        accounts.MapPost("{user}/khoa", (HttpContext http, string user, IAntiforgery antiforgery, StaffCredentials credentials, IStaffAccountStore store, StaffCommunes communes) =>
            SetDisabledAsync(http, user, disabled: true, antiforgery, credentials, store, communes));
        accounts.MapPost("{user}/mo", (HttpContext http, string user, IAntiforgery antiforgery, StaffCredentials credentials, IStaffAccountStore store, StaffCommunes communes) =>
            SetDisabledAsync(http, user, disabled: false, antiforgery, credentials, store, communes));
        accounts.MapPost("{user}/mat-khau", ResetAsync);
    }

    internal static IResult List(HttpContext http, StaffCredentials credentials, IStaffAccountStore store, StaffCommunes communes) =>
        Render(http, credentials, store, communes, null);

    /// <summary>The web chat members the signed-in leader manages: their own commune's, or everyone's for the province.</summary>
    private static IReadOnlyList<StaffMember> Managed(HttpContext http, StaffCredentials credentials, StaffCommunes communes) =>
        credentials.Find(http.User.FindFirst(StaffSessions.UserIdClaim)?.Value ?? "") is { } leader
            ? [.. credentials.WebMembers().Where(member => communes.MayManage(leader, member))]
            : [];

    private static IResult Render(HttpContext http, StaffCredentials credentials, IStaffAccountStore store, StaffCommunes communes, string? told)
    {
        var root = StaffPages.Root(http);
        var own = http.User.FindFirst(StaffSessions.UserIdClaim)?.Value;
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""<main id="main" class="page"><h2>{AccountTexts.Heading}</h2>""");
        if (told is not null)
        {
            main.Append(CultureInfo.InvariantCulture, $"<p class=\"told\" role=\"status\">{told}</p>");
        }
        main.Append(TodayPage.List(Managed(http, credentials, communes), member =>
        {
            var state = store.Find(member.UserId);
            var disabled = state?.Disabled == true;
            var user = Uri.EscapeDataString(member.UserId);
            var actions = member.UserId == own ? "" : $"""
                <form method="post" action="{root}can-bo/tai-khoan/{user}/{(disabled ? "mo" : "khoa")}" class="inline">{StaffLayout.AntiforgeryField(http)}<button type="submit">{(disabled ? AccountTexts.Enable : AccountTexts.Disable)}</button></form>
                <form method="post" action="{root}can-bo/tai-khoan/{user}/mat-khau" class="inline">{StaffLayout.AntiforgeryField(http)}<button type="submit">{AccountTexts.Reset}</button></form>
                """;
            return $"<strong>{Encode(member.Name.Length > 0 ? member.Name : member.UserId)}</strong> · {Encode(member.UserId)} · {member.Role switch { StaffRole.Province => AccountTexts.Province, StaffRole.Leader => AccountTexts.Leader, _ => AccountTexts.Clerk }} · {(disabled ? AccountTexts.Disabled : AccountTexts.Active)}{actions}";
        }));
        main.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\">{AccountTexts.AddHint}</p></main>");
        return StaffLayout.Page(http, new StaffPage(AccountTexts.Heading, main.ToString(), []) { MenuSlug = "tai-khoan" });
    }

    private static async Task<IResult> SetDisabledAsync(
        HttpContext http, string user, bool disabled, IAntiforgery antiforgery, StaffCredentials credentials, IStaffAccountStore store, StaffCommunes communes)
    {
        if (await Target(http, user, antiforgery, credentials, communes) is { } refused)
        {
            return refused;
        }
        store.SetDisabled(user, disabled, http.User.StaffName());
        return StaffPages.SeeOther(http, "can-bo/tai-khoan");
    }

    private static async Task<IResult> ResetAsync(
        HttpContext http, string user, IAntiforgery antiforgery, StaffCredentials credentials, IStaffAccountStore store, StaffCommunes communes)
    {
        if (await Target(http, user, antiforgery, credentials, communes) is { } refused)
        {
            return refused;
        }
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, PasswordLength);
        store.ResetPassword(user, StaffPassword.Hash(password), http.User.StaffName());
        // Shown once, on this answer only (never stored, never cached): the leader gives it to the member.
        return Render(http, credentials, store, communes, string.Format(CultureInfo.InvariantCulture, AccountTexts.NewPassword, Encode(user), $"<code class=\"password\">{password}</code>"));
    }

    /// <summary>
    /// The form's checks, and the member it names: a web chat member the leader manages (another commune's is "not
    /// found"), other than the leader themself.
    /// </summary>
    private static async Task<IResult?> Target(HttpContext http, string user, IAntiforgery antiforgery, StaffCredentials credentials, StaffCommunes communes)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        if (!Managed(http, credentials, communes).Any(m => m.UserId == user))
        {
            return StaffPages.Problem(http, StatusCodes.Status404NotFound, AccountTexts.NoSuchMember);
        }
        return user == http.User.FindFirst(StaffSessions.UserIdClaim)?.Value
            ? StaffPages.Problem(http, StatusCodes.Status400BadRequest, AccountTexts.NotYourself)
            : null;
    }
}

/// <summary>The words of the staff accounts page.</summary>
public static class AccountTexts
{
    public const string Heading = "Tài khoản cán bộ";
    public const string Leader = "Lãnh đạo";
    public const string Clerk = "Cán bộ";
    public const string Province = "Quản trị cấp tỉnh";
    public const string Active = "Đang dùng";
    public const string Disabled = "Đã khóa";
    public const string Disable = "Khóa tài khoản";
    public const string Enable = "Mở lại tài khoản";
    public const string Reset = "Cấp mật khẩu mới";

    /// <summary>{0}: the member's user id; {1}: the new password (markup).</summary>
    public const string NewPassword = "Mật khẩu mới của {0} là {1}. Anh/chị đưa tận tay cho người đó; trang này không hiện lại mật khẩu.";

    public const string NoSuchMember = "Không có tài khoản này.";
    public const string NotYourself = "Anh/chị không tự khóa hoặc tự cấp lại mật khẩu cho mình được.";
    public const string AddHint = "Muốn thêm cán bộ, anh/chị nhờ người quản trị máy chủ thêm tài khoản theo hướng dẫn cài đặt.";
}
