using OneStopBot.Office.Calendar;
using static OneStopBot.Bot.Hosting.HtmlText;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>What the workspace's pages share: relative addresses, refusals as pages, and how times read.</summary>
public static class StaffPages
{
    /// <summary>
    /// The way from the request's page back to the site's root, as a relative link (<c>../</c> per folder), so links
    /// hold under a reverse proxy's path: <c>/can-bo</c> → "", <c>/can-bo/hom-nay</c> → "../".
    /// </summary>
    public static string Root(HttpContext http)
    {
        var depth = (http.Request.Path.Value ?? "/").Trim('/').Split('/').Length;
        return string.Concat(Enumerable.Repeat("../", Math.Max(0, depth - 1)));
    }

    /// <summary>303 to a page given from the site's root (<c>can-bo/hom-nay</c>), as a relative address.</summary>
    public static IResult SeeOther(HttpContext http, string fromRoot)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Location = Root(http) + fromRoot;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A refusal as a short page in the workspace's frame, with the status code it deserves.</summary>
    public static IResult Problem(HttpContext http, int status, string text) =>
        StaffLayout.Page(http, new StaffPage(StaffPageTexts.ProblemTitle, $"""
            <main id="main" class="page"><h2>{StaffPageTexts.ProblemTitle}</h2><p class="error" role="alert">{Encode(text)}</p>
            <p><a href="{Root(http)}can-bo/hom-nay">{StaffPageTexts.BackToToday}</a></p></main>
            """, []), status);

    /// <summary>A moment in the office's time: "thứ Hai, 30/11/2026 08:15".</summary>
    public static string When(DateTimeOffset instant, WorkingCalendar calendar)
    {
        var local = calendar.LocalTime(instant);
        return DossierFormat.Day(DateOnly.FromDateTime(local.DateTime)) + " " + DossierFormat.Time(local);
    }
}

/// <summary>Words shared by the workspace's pages.</summary>
public static class StaffPageTexts
{
    public const string ProblemTitle = "Chưa làm được";

    public const string BackToToday = "Về trang Hôm nay";

    public const string BadForm = "Nội dung gửi lên không đúng. Anh/chị tải lại trang rồi làm lại.";

    public const string FormExpired = "Trang đã cũ hoặc không phải trang của hệ thống. Anh/chị tải lại trang rồi làm lại.";

    public const string SignInFirst = "Anh/chị cần đăng nhập trước.";

    public const string LeaderOnly = "Việc này chỉ lãnh đạo làm được.";

    public const string Nothing = "Không có.";
}
