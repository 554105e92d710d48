using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.StaffWeb.Broadcasts;
using OneStopBot.Bot.StaffWeb.Communes;
using OneStopBot.Bot.StaffWeb.Figures;
using OneStopBot.Bot.StaffWeb.Handoffs;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Bot.StaffWeb.Sync;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>
/// One entry of the workspace's menu: its address under <c>/can-bo/</c>, its name, whether only a leader sees it, and
/// the handler of its page (or, for a page with pages and actions of its own, how to map them).
/// </summary>
public sealed record StaffMenuItem(string Slug, string Label, Delegate? Page = null, bool Leader = false)
{
    /// <summary>Only a province administrator sees and opens it.</summary>
    public bool Province { get; init; }


    /// <summary>Maps a page that has actions and pages of its own under the workspace; used instead of <see cref="Page"/>.</summary>
    public Func<RouteGroupBuilder, RouteGroupBuilder>? Pages { get; init; }
}

/// <summary>The workspace's menu, in the order a clerk's day goes: adding a page is adding its line here.</summary>
public static class StaffMenu
{
    public static readonly IReadOnlyList<StaffMenuItem> Items =
    [
        new("hom-nay", "Hôm nay", TodayPage.Render),
        new("ho-so", "Hồ sơ", DossierPages.List),
        new("dong-bo", "Đồng bộ") { Pages = SyncPages.MapSyncPages },
        new("cau-hoi", "Câu hỏi") { Pages = staff => staff.MapGroup(QuestionPages.Segment).MapQuestionPages() },
        new("thong-bao", "Thông báo") { Pages = BroadcastPages.MapBroadcastPages },
        new("gap-can-bo", "Gặp cán bộ") { Pages = HandoffPages.MapHandoffPages },
        new("so-lieu", "Số liệu") { Pages = FiguresPages.MapFiguresPages },
        new("gop-y", "Góp ý", FeedbackPage.Render),
        new("lenh", "Khung lệnh", StaffChatPage.Render),
        new("tai-khoan", "Tài khoản", AccountPages.List, Leader: true),
        new(CommunesPage.Path, "Các xã", CommunesPage.RenderAsync) { Province = true },
    ];

    /// <summary>The sign-in and sign-out, every page of the menu, and each page's own actions; all but sign-in need a session.</summary>
    public static WebApplication MapStaffWeb(this WebApplication app)
    {
        app.MapGet(StaffSignInPage.Path, StaffSignInPage.Render);
        app.MapPost(StaffSignInPage.Path + "/dang-nhap", StaffSignInPage.SignInAsync);
        var staff = app.MapGroup(StaffSignInPage.Path).RequireAuthorization(StaffSessions.ClerkPolicy).EnterSessionCommune();
        staff.MapPost("dang-xuat", SignOutAsync);
        staff.MapPost(CommunesPage.SwitchPath, CommunesPage.SwitchAsync);
        foreach (var item in Items)
        {
            if (item.Pages is { } pages)
            {
                pages(staff);
                continue;
            }
            var page = staff.MapGet(item.Slug, item.Page ?? throw new InvalidOperationException($"The menu entry {item.Slug} has no page."));
            if (item.Leader)
            {
                page.RequireAuthorization(StaffSessions.LeaderPolicy);
            }
            if (item.Province)
            {
                page.RequireAuthorization(StaffSessions.ProvincePolicy);
            }
        }
        DossierPages.Map(staff);
        AccountPages.Map(staff.MapGroup("tai-khoan").RequireAuthorization(StaffSessions.LeaderPolicy));
        staff.MapPost("lenh/token", StaffChatPage.TokenAsync);
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, IStaffAccountStore accounts, IStaffAuditLog audit)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        audit.Record(http.User.StaffName(), "staff.signout", details: "can-bo");
        await StaffSessions.SignOutAsync(http, accounts);
        return StaffPages.SeeOther(http, StaffSignInPage.Path.TrimStart('/'));
    }

}
