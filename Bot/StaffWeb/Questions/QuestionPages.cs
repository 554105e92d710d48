using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.WebChat;
using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Hosting.HtmlText;
using Texts = OneStopBot.Bot.StaffWeb.Questions.QuestionPageTexts;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.StaffWeb.Questions;

/// <summary>
/// "Câu hỏi": the questions the bot could not answer, grouped by likeness, largest groups first; a question's page
/// where a clerk answers the resident and labels the question, and a leader approves the label; and the retraining, with
/// the scores before and after and the decision. Server-rendered forms, each with an antiforgery token; after a form
/// the page is shown again (post, redirect, get) with what happened. Links are relative to the group's path, whose
/// last segment is <see cref="Segment"/>.
/// </summary>
public static class QuestionPages
{
    public const string Segment = "cau-hoi";

    /// <summary>The list's address in the workspace.</summary>
    public const string Path = "/can-bo/" + Segment;

    /// <summary>At most this many recent questions are grouped and shown.</summary>
    public const int MaxShown = 500;

    public const string NoticeParameter = "bao";

    public const string StyleSheet = "can-bo/questions.css";

    public const string AnswerPath = "tra-loi";
    public const string LabelPath = "gan-nhan";
    public const string ApprovePath = "duyet";
    public const string RetrainPath = "hoc-lai";
    public const string CancelPath = "dung-hoc";

    public const string TextField = "text";
    public const string ProcedureField = "procedure";
    public const string AspectField = "aspect";
    public const string OutOfScopeField = "outOfScope";

    public static IServiceCollection AddQuestionPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetrainingOptions>().Bind(configuration.GetSection(RetrainingOptions.Section))
            .Validate(o => o.Timeout >= TimeSpan.FromMinutes(1) && o.Timeout <= TimeSpan.FromHours(2),
                "Retraining:Timeout must be between 00:01:00 and 02:00:00: long enough to train, short enough that a stuck run ends.")
            .ValidateOnStart();
        services.AddSingleton<QuestionReview>();
        services.Replace(ServiceDescriptor.Singleton<ILearnedExamples, StoredLearnedExamples>());
        services.AddSingleton<QuestionRetraining>();
        services.AddHostedService(sp => sp.GetRequiredService<QuestionRetraining>());
        return services;
    }

    public static RouteGroupBuilder MapQuestionPages(this RouteGroupBuilder group)
    {
        group.MapGet("", List);
        group.MapGet("{id:int}", Show);
        group.MapPost("{id:int}/" + AnswerPath, AnswerAsync);
        group.MapPost("{id:int}/" + LabelPath, LabelAsync);
        // Teaching the bot is a leader's decision, on top of the second-person-or-next-day rule.
        group.MapPost("{id:int}/" + ApprovePath, ApproveAsync).RequireAuthorization(StaffSessions.LeaderPolicy);
        group.MapPost(RetrainPath, RetrainAsync);
        group.MapPost(CancelPath, CancelAsync);
        return group;
    }

    internal static IResult List(
        HttpContext http, IUnansweredQuestionStore store, QuestionReview review, QuestionRetraining retraining, WorkingCalendar calendar,
        EndpointDataSource endpoints)
    {
        var csrf = StaffLayout.AntiforgeryField(http);
        var latest = store.Latest(MaxShown);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""<h2>{Texts.Heading}</h2><p class="hint">{Texts.Intro}</p>""");
        AppendNotice(html, http);
        if (latest.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="empty">{Texts.Empty}</p>""");
        }
        else
        {
            html.Append("""<ol class="groups">""");
            foreach (var members in QuestionGroups.Group(latest.Select(q => q.Text).ToList()))
            {
                var questions = members.Select(i => latest[i]).ToList();
                var first = Day(calendar, questions.Min(q => q.AskedAt));
                var last = Day(calendar, questions.Max(q => q.AskedAt));
                var summary = first == last
                    ? TextTemplate.Fill(Texts.GroupSummaryOneDay, questions.Count, first)
                    : TextTemplate.Fill(Texts.GroupSummary, questions.Count, first, last);
                html.Append(CultureInfo.InvariantCulture, $"""<li class="group"><p class="group-summary">{Encode(summary)}</p><ul>""");
                foreach (var question in questions)
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<li><a href="{Segment}/{question.Id}">{Encode(question.Text)}</a> <span class="state">{State(question)}</span></li>""");
                }
                html.Append("</ul></li>");
            }
            html.Append("</ol>");
        }
        // After the questions, the clerk's daily work; retraining is occasional.
        AppendRetraining(html, review, retraining, calendar, csrf);
        return Page(http, Texts.Title, html, endpoints);
    }

    internal static IResult Show(
        int id, HttpContext http, IUnansweredQuestionStore store, ProcedureCatalog catalog, WorkingCalendar calendar,
        EndpointDataSource endpoints)
    {
        var html = new StringBuilder($"""<p><a href="../{Segment}">{Texts.Back}</a></p>""");
        if (store.Get(id) is not { } question)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="notice" role="status">{Texts.Notice(nameof(ReviewProblem.NotFound))}</p>""");
            return Page(http, Texts.Title, html, endpoints, StatusCodes.Status404NotFound);
        }

        var csrf = StaffLayout.AntiforgeryField(http);
        var local = calendar.LocalTime(question.AskedAt);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{Encode(TextTemplate.Fill(Texts.QuestionTitle, question.Id))} <span class="state">{State(question)}</span></h2>
            <blockquote class="question">{Encode(question.Text)}</blockquote>
            <p class="hint">{Encode(TextTemplate.Fill(Texts.AskedAt, Day(calendar, question.AskedAt), DossierFormat.Time(local), Texts.Channel(question.ChannelId)))}</p>
            """);
        AppendNotice(html, http);

        html.Append(CultureInfo.InvariantCulture, $"""<section class="card"><h3>{Texts.AnswerHeading}</h3>""");
        if (question.Answer is { } answer)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p>{Encode(TextTemplate.Fill(Texts.AnsweredBy, answer.By, When(calendar, answer.At)))}</p><blockquote>{Encode(answer.Text)}</blockquote>""");
        }
        if (question.Resident is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="hint">{Texts.NoResident}</p>""");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="{question.Id}/{AnswerPath}">{csrf}
                <p class="hint">{Texts.AnswerHint}</p>
                <label for="answer-text">{Texts.AnswerLabel}</label>
                <textarea id="answer-text" name="{TextField}" rows="4" maxlength="{Office.Notices.NoticeService.MaxTextLength}" required></textarea>
                <button type="submit" class="action">{Texts.AnswerButton}</button>
                </form>
                """);
        }
        html.Append("</section>");

        html.Append(CultureInfo.InvariantCulture, $"""<section class="card"><h3>{Texts.LabelHeading}</h3><p class="hint">{Texts.LabelHint}</p>""");
        if (question.Label is { } label)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p>{Encode(TextTemplate.Fill(Texts.LabelledBy, LabelName(label, catalog), label.LabelledBy, When(calendar, label.LabelledAt)))}</p>""");
        }
        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="{question.Id}/{LabelPath}">{csrf}
            <label for="procedure">{Texts.ProcedureLabel}</label>
            <select id="procedure" name="{ProcedureField}"><option value="">{Texts.ChooseProcedure}</option>
            """);
        foreach (var procedure in catalog.All.OrderBy(p => p.SimpleName, StringComparer.Create(new System.Globalization.CultureInfo("vi"), ignoreCase: true)))
        {
            var selected = question.Label?.ProcedureId == procedure.Id ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"""<option value="{Encode(procedure.Id)}"{selected}>{Encode(procedure.SimpleName)}</option>""");
        }
        html.Append(CultureInfo.InvariantCulture, $"""</select><label for="aspect">{Texts.AspectLabel}</label><select id="aspect" name="{AspectField}">""");
        foreach (var aspect in Enum.GetValues<ProcedureAspect>())
        {
            var name = AspectNames.Name(aspect);
            var selected = question.Label?.Aspect == name ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"""<option value="{name}"{selected}>{Texts.Aspect(aspect)}</option>""");
        }
        var outOfScope = question.Label?.OutOfScope == true ? " checked" : string.Empty;
        html.Append(CultureInfo.InvariantCulture, $"""
            </select>
            <label class="check"><input type="checkbox" name="{OutOfScopeField}" value="1"{outOfScope}> {Texts.OutOfScopeLabel}</label>
            <button type="submit" class="action">{Texts.LabelButton}</button>
            </form></section>
            """);

        if (question.Label is { } labelled)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<section class="card"><h3>{Texts.ApproveHeading}</h3>""");
            if (labelled.ApprovedBy is { } approver)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p>{Encode(TextTemplate.Fill(Texts.ApprovedBy, approver, When(calendar, labelled.ApprovedAt!.Value)))}</p>""");
            }
            else if (http.User.IsLeader())
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <p class="hint">{Texts.ApproveHint}</p>
                    <form method="post" action="{question.Id}/{ApprovePath}">{csrf}<button type="submit" class="action">{Texts.ApproveButton}</button></form>
                    """);
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p class="hint">{Texts.LeaderApproves}</p>""");
            }
            html.Append("</section>");
        }
        return Page(http, Texts.Title, html, endpoints);
    }

    internal static async Task<IResult> AnswerAsync(int id, HttpContext http, IAntiforgery antiforgery, QuestionReview review)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        var outcome = review.Answer(id, form[TextField], http.User.StaffName());
        return BackToQuestion(http, id, outcome.Problem is { } problem ? problem.ToString() : Texts.Codes.Answered);
    }

    internal static async Task<IResult> LabelAsync(int id, HttpContext http, IAntiforgery antiforgery, QuestionReview review, ProcedureCatalog catalog)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var form = http.Request.Form;
        var outOfScope = form[OutOfScopeField] == "1";
        var procedure = form[ProcedureField].ToString();
        var aspectName = form[AspectField].ToString();
        var aspect = aspectName.Length == 0 ? ProcedureAspect.None : AspectNames.Parse(aspectName);
        if (aspect is null || (!outOfScope && procedure.Length > 0 && catalog.Find(procedure) is null))
        {
            return BackToQuestion(http, id, Texts.Codes.BadLabel);
        }
        var outcome = review.Label(id, procedure.Length == 0 ? null : procedure, AspectNames.Name(aspect.Value), outOfScope, http.User.StaffName());
        return BackToQuestion(http, id, outcome.Problem is { } problem ? problem.ToString() : Texts.Codes.Labelled);
    }

    internal static async Task<IResult> ApproveAsync(int id, HttpContext http, IAntiforgery antiforgery, QuestionReview review)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var outcome = review.Approve(id, http.User.StaffName());
        return BackToQuestion(http, id, outcome.Problem is { } problem ? problem.ToString() : Texts.Codes.Approved);
    }

    internal static async Task<IResult> RetrainAsync(HttpContext http, IAntiforgery antiforgery, QuestionRetraining retraining)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        return BackToList(http, retraining.TryStart(http.User.StaffName()) ? Texts.Codes.Started : Texts.Codes.Busy);
    }

    internal static async Task<IResult> CancelAsync(HttpContext http, IAntiforgery antiforgery, QuestionRetraining retraining)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        return BackToList(http, retraining.Cancel() ? Texts.Codes.Cancelled : Texts.Codes.NothingRunning);
    }

    private static void AppendRetraining(StringBuilder html, QuestionReview review, QuestionRetraining retraining, WorkingCalendar calendar, string csrf)
    {
        var approved = review.TrainingExamples();
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="card retrain" aria-labelledby="retrain-heading">
            <h3 id="retrain-heading">{Texts.RetrainHeading}</h3>
            <p>{Encode(TextTemplate.Fill(Texts.RetrainCounts, approved.Count, approved.Count(q => q.Label!.InUse)))}</p>
            <p class="hint">{Texts.RetrainHint}</p>
            """);
        if (retraining.Last is { } run)
        {
            var local = calendar.LocalTime(run.StartedAt);
            html.Append(CultureInfo.InvariantCulture, $"""
                <p>{Encode(TextTemplate.Fill(Texts.LastRun, Day(calendar, run.StartedAt), DossierFormat.Time(local), run.StartedBy))}</p>
                <p class="decision decision-{run.State.ToString().ToLowerInvariant()}" role="status">{Texts.State(run.State)}</p>
                """);
            if (run.Decision is { } decision)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<table class="scores"><thead><tr><th scope="col">{Texts.SetColumn}</th><th scope="col">{Texts.BeforeColumn}</th><th scope="col">{Texts.AfterColumn}</th></tr></thead><tbody>""");
                foreach (var (before, after) in decision.Before.Sets.Zip(decision.After.Sets))
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<tr><th scope="row">{Texts.SetName(before.Name)}</th><td>{Score(before.Correct, before.Count)}</td><td>{Score(after.Correct, after.Count)}</td></tr>""");
                }
                html.Append(CultureInfo.InvariantCulture, $"""<tr class="total"><th scope="row">{Texts.TotalRow}</th><td>{Score(decision.Before.Correct, decision.Before.Count)}</td><td>{Score(decision.After.Correct, decision.After.Count)}</td></tr></tbody></table>""");
            }
        }
        var busy = retraining.Last is { Finished: false };
        html.Append(busy
            ? $"""<form method="post" action="{Segment}/{CancelPath}">{csrf}<button type="submit" class="action secondary">{Texts.CancelButton}</button></form>"""
            : $"""<form method="post" action="{Segment}/{RetrainPath}">{csrf}<button type="submit" class="action">{Texts.RetrainButton}</button></form>""");
        html.Append("</section>");
    }

    private static string Score(int correct, int count) =>
        Encode(TextTemplate.Fill(Texts.Score, VietnamesePercent.Format(correct, count) ?? "0%", correct, count));

    private static string State(UnansweredQuestion question) => question switch
    {
        { Label: { InUse: true } } => Texts.InUse,
        { Label: { Approved: true } } => Texts.Approved,
        { Label: not null } => Texts.Labelled,
        { Answer: not null } => Texts.Answered,
        _ => Texts.NotHandled,
    };

    private static string LabelName(QuestionLabel label, ProcedureCatalog catalog) => label.OutOfScope
        ? Texts.OutOfScope
        : (label.ProcedureId is { } id ? catalog.Find(id)?.SimpleName ?? id : string.Empty)
            + " · " + Texts.Aspect(AspectNames.Parse(label.Aspect) ?? ProcedureAspect.None);

    private static void AppendNotice(StringBuilder html, HttpContext http)
    {
        // Only the known codes show, each as its own constant text: nothing from the address reaches the page.
        if (Texts.Notice(http.Request.Query[NoticeParameter].ToString()) is { } notice)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="notice" role="status">{notice}</p>""");
        }
    }

    private static string Day(WorkingCalendar calendar, DateTimeOffset at) =>
        DossierFormat.Day(DateOnly.FromDateTime(calendar.LocalTime(at).DateTime));

    private static string When(WorkingCalendar calendar, DateTimeOffset at) =>
        DossierFormat.Time(calendar.LocalTime(at)) + " " + Day(calendar, at);

    private static IResult BackToQuestion(HttpContext http, int id, string code) =>
        StaffPages.SeeOther(http, $"can-bo/{Segment}/{id}?{NoticeParameter}={Uri.EscapeDataString(code)}");

    private static IResult BackToList(HttpContext http, string code) =>
        StaffPages.SeeOther(http, $"can-bo/{Segment}?{NoticeParameter}={Uri.EscapeDataString(code)}");

    private static IResult Page(
        HttpContext http, string title, StringBuilder main, EndpointDataSource endpoints, int status = StatusCodes.Status200OK)
    {
        var hashed = WebChatPage.HashedNames(endpoints);
        var style = Encode(hashed.GetValueOrDefault(StyleSheet, StyleSheet));
        // Links in the page are relative to the group's folder: "/can-bo/cau-hoi" resolves "cau-hoi/12" under "/can-bo/".
        var depth = http.Request.RouteValues.ContainsKey("id") ? "../../" : "../";
        var html = $"""<main class="staff-main questions"><link rel="stylesheet" href="{depth}{style}">{main}</main>""";
        return StaffLayout.Page(http, new StaffPage(title, html, []) { MenuSlug = Segment }, status);
    }
}
