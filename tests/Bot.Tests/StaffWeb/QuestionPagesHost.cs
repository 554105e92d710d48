using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>The host with the staff key and a fake clock, a browser-like client (cookies, the key) and the question store.</summary>
public sealed partial class QuestionPagesHost : IDisposable
{
    public const string Page = QuestionPages.Path;

    public QuestionPagesHost()
    {
        Client = Factory.CreateStaffClient();
    }

    public StaffApiFactory Factory { get; } = new();

    public HttpClient Client { get; }

    public IUnansweredQuestionStore Questions => Get<IUnansweredQuestionStore>();

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public static ChatAddress Resident(string user = "dl_resident") =>
        new("webchat", user, "conv-" + user);

    public UnansweredQuestion Asked(string text, string user = "dl_resident") => Questions.Record(text, Resident(user));

    /// <summary>The staff answers put in the outbox, whatever their sending state.</summary>
    public IReadOnlyList<Delivery> StaffReplies() =>
        Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).Find(d => d.Kind == DeliveryKind.StaffReply).ToList();

    public async Task<string> HtmlAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The antiforgery token of the page's forms, as a browser would send it back.</summary>
    public async Task<string> TokenAsync(string page) => Token(await HtmlAsync(page));

    public static string Token(string html) =>
        WebUtility.HtmlDecode(TokenInput().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No form token in the page."));

    /// <summary>Posts a form with the page's token and follows the redirect back to the page, as a browser does.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(page);
        return await Client.PostAsync(action, Form([("__RequestVerificationToken", token), .. fields]));
    }

    /// <summary>Labels a question from its page, as a clerk does.</summary>
    public Task<HttpResponseMessage> LabelAsync(UnansweredQuestion question, string procedure, string aspect) =>
        PostAsync($"{Page}/{question.Id}", $"{Page}/{question.Id}/{QuestionPages.LabelPath}", (QuestionPages.ProcedureField, procedure), (QuestionPages.AspectField, aspect));

    /// <summary>Approves a question's label from its page.</summary>
    public Task<HttpResponseMessage> ApproveAsync(UnansweredQuestion question) =>
        PostAsync($"{Page}/{question.Id}", $"{Page}/{question.Id}/{QuestionPages.ApprovePath}");

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
