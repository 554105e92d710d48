using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Notices;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb.Handoffs;

/// <summary>
/// "Gặp cán bộ": the residents waiting for a person, and one conversation at a time. A clerk's reply goes through
/// <see cref="NoticeService.ReplyToResident"/>, as <c>/traloi</c> does; the resident's next messages arrive by a small
/// script asking for those after the last it shows.
/// </summary>
public static class HandoffPages
{
    public const string Slug = "gap-can-bo";

    public const string Script = "can-bo/handoffs.js";

    /// <summary>How many open handoffs the list shows, and how many messages one page or poll carries.</summary>
    public const int PageSize = 100;

    public static RouteGroupBuilder MapHandoffPages(this RouteGroupBuilder g)
    {
        g.MapGet("/" + Slug, RenderList);
        g.MapGet("/" + Slug + "/{reference}", RenderConversation);
        g.MapGet("/" + Slug + "/{reference}/tin-nhan", Messages);
        g.MapPost("/" + Slug + "/{reference}/tra-loi", ReplyAsync).DisableAntiforgery();
        g.MapPost("/" + Slug + "/{reference}/dong", CloseAsync).DisableAntiforgery();
        return g;
    }

    internal static IResult RenderList(
        HttpContext http, IHandoffStore handoffs, WorkingCalendar calendar, IOptions<OfficeNames> names, EndpointDataSource endpoints)
    {
        var rows = string.Concat(handoffs.Open(PageSize).Select(handoff => $"""
            <li><a href="{Slug}/{handoff.Id}"><strong>{handoff.Id}</strong> · {Encode(StaffPages.When(handoff.AskedAt, calendar))}{(handoff.AnsweredAt is null ? $" · <em>{HandoffTexts.Waiting}</em>" : "")}</a>
            <p class="text">{Encode(Shorten(handoff.Question))}</p></li>
            """));
        var main = $"""
            <main id="main" class="page handoffs">
            <h2>{HandoffTexts.Heading}</h2>
            {(rows.Length == 0 ? $"<p class=\"hint\">{HandoffTexts.NoneOpen}</p>" : $"<ul class=\"handoff-list\">{rows}</ul>")}
            </main>
            """;
        return StaffLayout.Page(http, new StaffPage(HandoffTexts.Heading, main, []) { MenuSlug = Slug });
    }

    internal static IResult RenderConversation(
        string reference, HttpContext http, IHandoffStore handoffs, WorkingCalendar calendar, IOptions<OfficeNames> names, EndpointDataSource endpoints)
    {
        if (handoffs.Find(reference) is not { } handoff)
        {
            return NotFound(reference);
        }
        var messages = handoffs.Messages(handoff.Id, after: 0, PageSize);
        var shown = string.Concat(messages.Select(message => Bubble(message.StaffName, message.Text, message.At, calendar)));
        var cursor = messages.Count > 0 ? messages[^1].Id : 0;
        var actions = handoff.ClosedAt is null
            ? $"""
              <form method="post" action="{handoff.Id}/tra-loi" class="reply">
              {StaffLayout.AntiforgeryField(http)}
              <label for="text">{HandoffTexts.ReplyLabel}</label>
              <textarea id="text" name="text" rows="3" maxlength="{NoticeService.MaxTextLength}" required></textarea>
              <button type="submit" class="action">{HandoffTexts.SendButton}</button>
              </form>
              <form method="post" action="{handoff.Id}/dong" class="close">
              {StaffLayout.AntiforgeryField(http)}
              <button type="submit" class="secondary">{HandoffTexts.CloseButton}</button>
              </form>
              """
            : $"""<p class="hint">{Encode(TextTemplate.Fill(HandoffTexts.Closed, handoff.ClosedBy ?? ""))}</p>""";
        var main = $"""
            <main id="main" class="page handoff">
            <p><a href="../{Slug}">{HandoffTexts.BackToList}</a></p>
            <h2>{Encode(TextTemplate.Fill(HandoffTexts.ConversationHeading, handoff.Id))}</h2>
            <p class="hint">{Encode(TextTemplate.Fill(HandoffTexts.Channel, handoff.Resident.ChannelId))}</p>
            <ol id="conversation" class="conversation" aria-live="polite" data-messages="{handoff.Id}/tin-nhan" data-cursor="{cursor}"
                data-resident="{HandoffTexts.Resident}" data-staff="{HandoffTexts.Staff}">
            {Bubble(null, handoff.Question, handoff.AskedAt, calendar)}{shown}
            </ol>
            {actions}
            </main>
            """;
        return StaffLayout.Page(http, new StaffPage(TextTemplate.Fill(HandoffTexts.ConversationHeading, handoff.Id), main, [Script]) { MenuSlug = Slug });
    }

    /// <summary>The conversation's messages after <paramref name="sau"/> (the last one the page shows), oldest first.</summary>
    internal static Results<Ok<HandoffMessages>, ProblemHttpResult> Messages(
        string reference, long? sau, IHandoffStore handoffs, WorkingCalendar calendar)
    {
        if (handoffs.Find(reference) is not { } handoff)
        {
            return NotFound(reference);
        }
        var after = Math.Max(0, sau ?? 0);
        var messages = handoffs.Messages(handoff.Id, after, PageSize);
        return TypedResults.Ok(new HandoffMessages(
            [.. messages.Select(m => new HandoffMessageResponse(m.Id, m.StaffName, m.Text, StaffPages.When(m.At, calendar)))],
            messages.Count > 0 ? messages[^1].Id : after,
            handoff.ClosedAt is not null));
    }

    internal static async Task<IResult> ReplyAsync(
        string reference, HttpContext http, NoticeService service, IAntiforgery antiforgery)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        var outcome = service.ReplyToResident(reference, form["text"], http.User.StaffName());
        if (outcome.Value is not { } handoff)
        {
            return Problem(outcome.Error!);
        }
        return StaffPages.SeeOther(http, $"can-bo/{Slug}/{handoff.Id}");
    }

    internal static async Task<IResult> CloseAsync(
        string reference, HttpContext http, NoticeService service, IAntiforgery antiforgery)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        var outcome = service.CloseHandoff(reference, http.User.StaffName());
        return outcome.Succeeded ? StaffPages.SeeOther(http, "can-bo/" + Slug) : Problem(outcome.Error!);
    }

    private static ProblemHttpResult Problem(InputError error) =>
        error.Problem == InputProblem.UnknownReference ? NotFound(error.Given ?? string.Empty) : NoticeEndpoints.InvalidInput(error);

    private static ProblemHttpResult NotFound(string reference) =>
        TypedResults.Problem(
            TextTemplate.Fill(HandoffTexts.NotFound, Shorten(reference.Trim(), 20)),
            statusCode: StatusCodes.Status404NotFound);

    private static string Bubble(string? staffName, string text, DateTimeOffset at, WorkingCalendar calendar)
    {
        var who = staffName is null ? HandoffTexts.Resident : TextTemplate.Fill(HandoffTexts.StaffNamed, staffName);
        return $"""<li class="{(staffName is null ? "from-resident" : "from-staff")}"><span class="who">{Encode(who)} · {Encode(StaffPages.When(at, calendar))}</span><p>{Encode(text)}</p></li>""";
    }

    private static string Shorten(string text, int length = 140) => text.Length > length ? text[..length] + "…" : text;
}

/// <summary>Messages after a cursor, and the cursor to ask with next.</summary>
public sealed record HandoffMessages(IReadOnlyList<HandoffMessageResponse> Messages, long Cursor, bool Closed);

/// <summary>One message: from staff when <see cref="StaffName"/> is set, otherwise from the resident.</summary>
public sealed record HandoffMessageResponse(long Id, string? StaffName, string Text, string At);

/// <summary>The words of the handoff pages.</summary>
public static class HandoffTexts
{
    public const string Heading = "Gặp cán bộ";
    public const string NoneOpen = "Không có người dân nào đang chờ gặp cán bộ.";
    public const string Waiting = "chưa trả lời";
    public const string BackToList = "← Các cuộc đang mở";
    /// <summary>{0}: the reference.</summary>
    public const string ConversationHeading = "Câu hỏi {0}";
    /// <summary>{0}: the channel's id.</summary>
    public const string Channel = "Kênh: {0}";
    public const string Resident = "Người dân";
    public const string Staff = "Cán bộ";
    /// <summary>{0}: the staff member's name.</summary>
    public const string StaffNamed = "Cán bộ {0}";
    public const string ReplyLabel = "Trả lời người dân";
    public const string SendButton = "Gửi trả lời";
    public const string CloseButton = "Kết thúc cuộc trò chuyện";
    /// <summary>{0}: who closed it.</summary>
    public const string Closed = "Cuộc trò chuyện đã kết thúc ({0}).";
    /// <summary>{0}: the reference as given.</summary>
    public const string NotFound = "Không có câu hỏi mã {0}.";
}
