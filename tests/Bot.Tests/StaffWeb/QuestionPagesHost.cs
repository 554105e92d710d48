using System.Net;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The workspace's host and one browser per member, each signed in on first use; requests go as <see cref="Acting"/>
/// (the first clerk unless a test says otherwise), and a form's redirect is followed as a browser does.
/// </summary>
public sealed class QuestionPagesHost : IDisposable
{
    public const string Page = QuestionPages.Path;

    private readonly Dictionary<string, Workspace> browsers = [];

    public WorkspaceFactory Factory { get; } = new();

    /// <summary>The member whose browser the next requests use.</summary>
    public string Acting { get; set; } = WorkspaceFactory.Clerk;

    public IUnansweredQuestionStore Questions => Get<IUnansweredQuestionStore>();

    public T Get<T>() where T : notnull => Factory.Get<T>();

    public static ChatAddress Resident(string user = "dl_resident") =>
        new("webchat", user, "conv-" + user);

    public UnansweredQuestion Asked(string text, string user = "dl_resident") => Questions.Record(text, Resident(user));

    /// <summary>Moves the clock on; the sessions have gone idle by then, so each member signs in again.</summary>
    public void Advance(TimeSpan time)
    {
        Factory.Time.Advance(time);
        SignOutEveryone();
    }

    /// <summary>The acting member's browser, signed in.</summary>
    public async Task<HttpClient> ClientAsync()
    {
        if (!browsers.TryGetValue(Acting, out var browser))
        {
            browser = await Factory.Browser().SignedInAsync(Acting);
            browsers[Acting] = browser;
        }
        return browser.Client;
    }

    /// <summary>The staff answers put in the outbox, whatever their sending state.</summary>
    public IReadOnlyList<Delivery> StaffReplies() =>
        Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).Find(d => d.Kind == DeliveryKind.StaffReply).ToList();

    public async Task<string> HtmlAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await (await ClientAsync()).GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The antiforgery token of the page's forms, as a browser would send it back.</summary>
    public async Task<string> TokenAsync(string page) => Workspace.TokenIn(await HtmlAsync(page));

    /// <summary>Posts a form with the page's token and follows the redirect back to the page, as a browser does.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(page);
        return await FollowAsync(await (await ClientAsync()).PostAsync(action, Workspace.Form(token, fields)));
    }

    /// <summary>Labels a question from its page, as a clerk does.</summary>
    public Task<HttpResponseMessage> LabelAsync(UnansweredQuestion question, string procedure, string aspect) =>
        PostAsync($"{Page}/{question.Id}", $"{Page}/{question.Id}/{QuestionPages.LabelPath}", (QuestionPages.ProcedureField, procedure), (QuestionPages.AspectField, aspect));

    /// <summary>A resident's question, labelled by <paramref name="member"/>, who acts from then on.</summary>
    public async Task<UnansweredQuestion> LabelledAsync(string member, string text = "làm giấy khai sinh ở mô")
    {
        var question = Asked(text);
        Acting = member;
        using var labelled = await LabelAsync(question, "khai-sinh", "where");
        return question;
    }

    /// <summary>Posts the approve form with the question page's token (a clerk's page has no such form; the post is forged).</summary>
    public Task<HttpResponseMessage> ApproveAsync(UnansweredQuestion question) =>
        PostAsync($"{Page}/{question.Id}", $"{Page}/{question.Id}/{QuestionPages.ApprovePath}");

    public void Dispose()
    {
        SignOutEveryone();
        Factory.Dispose();
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.SeeOther || response.Headers.Location is not { } location)
        {
            return response;
        }
        var next = new Uri(response.RequestMessage!.RequestUri!, location);
        response.Dispose();
        return await (await ClientAsync()).GetAsync(next);
    }

    private void SignOutEveryone()
    {
        foreach (var browser in browsers.Values)
        {
            browser.Dispose();
        }
        browsers.Clear();
    }
}
