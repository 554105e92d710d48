using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Notices;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb.Broadcasts;

/// <summary>
/// "Thông báo": a clerk writes a notice, picks villages, sees it as a phone will show it, sends it through the same
/// <see cref="NoticeService.Broadcast"/> as <c>/thongbao</c> and the staff API, and watches each broadcast's delivery,
/// which a small script refreshes from <see cref="NoticeEndpoints.Status"/>.
/// </summary>
public static class BroadcastPages
{
    public const string Slug = "thong-bao";

    public const string Script = "can-bo/broadcasts.js";

    /// <summary>How many past broadcasts the page lists.</summary>
    public const int HistorySize = 30;

    public static RouteGroupBuilder MapBroadcastPages(this RouteGroupBuilder g)
    {
        g.MapGet("/" + Slug, Render);
        g.MapPost("/" + Slug, SendAsync).DisableAntiforgery();
        g.MapGet("/" + Slug + "/{id:int}/tien-do", NoticeEndpoints.Status);
        return g;
    }

    internal static IResult Render(
        HttpContext http, CommuneContext communes, INoticeStore notices, INoticeTexts texts, WorkingCalendar calendar,
        IOptions<OfficeNames> names, EndpointDataSource endpoints)
    {
        // The villages of the commune the session acts for: a broadcast reaches that commune's residents only.
        var villages = string.Concat(communes.Current.Office.Villages.Select((village, i) =>
            $"""<label class="check"><input type="checkbox" name="village" value="{Encode(village)}" id="village-{i}"> {Encode(village)}</label>"""));
        var buttons = string.Concat(texts.BroadcastActions.Select(action => $"""<span class="chip">{Encode(action)}</span>"""));
        var rows = string.Concat(notices.Latest(HistorySize).Select(notice => Row(notice, notices.Progress(notice.Id), calendar)));
        var main = $$"""
            <main id="main" class="page broadcasts">
            <h2>{{BroadcastTexts.Heading}}</h2>
            <div class="compose-preview">
            <form method="post" action="{{Slug}}" class="compose">
            {{StaffLayout.AntiforgeryField(http)}}
            <label for="text">{{BroadcastTexts.TextLabel}}</label>
            <textarea id="text" name="text" rows="7" maxlength="{{NoticeService.MaxTextLength}}" required></textarea>
            <fieldset><legend>{{BroadcastTexts.VillagesLegend}}</legend>{{villages}}
            <p class="hint">{{BroadcastTexts.EveryVillageHint}}</p></fieldset>
            <button type="submit" class="action">{{BroadcastTexts.SendButton}}</button>
            </form>
            <section class="preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{{BroadcastTexts.PreviewHeading}}</h3>
            <div class="phone"><p class="bubble" id="preview-text" data-empty="{{BroadcastTexts.PreviewEmpty}}">{{BroadcastTexts.PreviewEmpty}}</p><div class="chips">{{buttons}}</div></div>
            </section>
            </div>
            <section aria-labelledby="history-heading">
            <h3 id="history-heading">{{BroadcastTexts.HistoryHeading}}</h3>
            {{(rows.Length == 0 ? $"<p class=\"hint\">{BroadcastTexts.NoHistory}</p>" : $"""
            <table class="history"><thead><tr><th>{BroadcastTexts.NumberColumn}</th><th>{BroadcastTexts.WhenColumn}</th><th>{BroadcastTexts.VillageColumn}</th><th>{BroadcastTexts.TextColumn}</th><th>{BroadcastTexts.SentColumn}</th><th>{BroadcastTexts.PendingColumn}</th><th>{BroadcastTexts.FailedColumn}</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """)}}
            </section>
            </main>
            """;
        return StaffLayout.Page(http, new StaffPage(BroadcastTexts.Heading, main, [Script]) { MenuSlug = Slug });
    }

    /// <summary>
    /// One notice per chosen village (every subscriber when none is chosen); all villages are checked before any is sent, so
    /// a village that is not configured sends nothing.
    /// </summary>
    internal static async Task<IResult> SendAsync(HttpContext http, NoticeService service, IAntiforgery antiforgery)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        string?[] villages = form["village"].Count == 0 ? [null] : [.. form["village"]];
        if (NoticeService.ValidateText(form["text"]) is { } textError)
        {
            return NoticeEndpoints.InvalidInput(textError);
        }
        foreach (var village in villages)
        {
            if (!service.TryResolveVillage(village, out _, out var villageError))
            {
                return NoticeEndpoints.InvalidInput(villageError);
            }
        }
        var staffName = http.User.StaffName();
        foreach (var village in villages.Distinct(StringComparer.Ordinal))
        {
            service.Broadcast(form["text"], village, staffName);
        }
        return StaffPages.SeeOther(http, $"can-bo/{Slug}#{HistoryAnchor}");
    }

    private const string HistoryAnchor = "history-heading";

    private static string Row(Notice notice, NoticeProgress? progress, WorkingCalendar calendar)
    {
        var text = notice.Text.Length > 120 ? notice.Text[..120] + "…" : notice.Text;
        var live = notice.IsFinished ? "" : $""" data-progress="{Slug}/{notice.Id}/tien-do" """;
        return $"""
            <tr id="notice-{notice.Id}"{live}><td>{notice.Id}</td><td>{Encode(StaffPages.When(notice.CreatedAt, calendar))}</td><td>{Encode(notice.Village ?? BroadcastTexts.EveryVillage)}</td><td class="text">{Encode(text)}</td><td data-count="sent" data-label="{BroadcastTexts.SentColumn}">{progress?.Sent ?? notice.Sent}</td><td data-count="pending" data-label="{BroadcastTexts.PendingColumn}">{progress?.Pending ?? notice.Pending}</td><td data-count="failed" data-label="{BroadcastTexts.FailedColumn}">{progress?.Failed ?? notice.Failed}</td></tr>
            """;
    }
}

/// <summary>The words of the broadcasts page.</summary>
public static class BroadcastTexts
{
    public const string Heading = "Thông báo";
    public const string TextLabel = "Nội dung thông báo (tối đa 2.000 chữ)";
    public const string VillagesLegend = "Gửi đến thôn";
    public const string EveryVillageHint = "Không chọn thôn nào: gửi cho mọi người đã đăng ký nhận thông báo.";
    public const string SendButton = "Gửi thông báo";
    public const string PreviewHeading = "Người dân sẽ thấy trên điện thoại";
    public const string PreviewEmpty = "Nội dung anh/chị gõ sẽ hiện ở đây.";
    public const string HistoryHeading = "Các thông báo đã gửi";
    public const string NoHistory = "Chưa gửi thông báo nào.";
    public const string NumberColumn = "Số";
    public const string WhenColumn = "Lúc gửi";
    public const string VillageColumn = "Thôn";
    public const string TextColumn = "Nội dung";
    public const string SentColumn = "Đã gửi";
    public const string PendingColumn = "Đang chờ";
    public const string FailedColumn = "Lỗi";
    public const string EveryVillage = "Mọi thôn";
}
