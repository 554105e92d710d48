using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The host with three web chat members (two clerks and a leader), a fake clock (Thursday 26/11/2026, 09:00 in
/// Vietnam) and a 30-minute idle timeout.
/// </summary>
public sealed class WorkspaceFactory : OneStopBotFactory
{
    public const string Clerk = "hoa";
    public const string ClerkName = "Chị Hoa";
    public const string OtherClerk = "tu";
    public const string OtherClerkName = "Anh Tú";
    public const string Leader = "lan";
    public const string LeaderName = "Anh Lân";
    public const string Password = "mat-khau-rieng-cua-can-bo";

    // One hash for all: PBKDF2 at full cost takes a while on a loaded machine.
    private static readonly string Hash = StaffPassword.Hash(Password);

    public WorkspaceFactory()
    {
        var members = new[] { (Clerk, ClerkName, "Clerk"), (OtherClerk, OtherClerkName, "Clerk"), (Leader, LeaderName, "Leader") };
        for (var i = 0; i < members.Length; i++)
        {
            Settings[$"Staff:Members:{i}:Channel"] = "webchat";
            Settings[$"Staff:Members:{i}:UserId"] = members[i].Item1;
            Settings[$"Staff:Members:{i}:Name"] = members[i].Item2;
            Settings[$"Staff:Members:{i}:Role"] = members[i].Item3;
            Settings[$"Staff:Members:{i}:PasswordHash"] = Hash;
        }
        Settings["StaffWeb:IdleTimeout"] = "00:30:00";
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7)));

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A browser of its own: cookies kept, redirects not followed.</summary>
    public Workspace Browser(string baseAddress = "http://localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) }));

    /// <summary>A dossier pre-registered from a web chat (so a status change reaches the resident).</summary>
    public Task<Dossier> FromChatAsync(string name = "Hồ Thị Lan", string phone = "0912345621", DateOnly? visit = null) =>
        Get<DossierDesk>().PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh",
            ApplicantName = name,
            Phone = phone,
            Village = "Thôn 2",
            Owner = new ChatAddress("webchat", "dl_resident", "conversation-of-the-resident") { ServiceUrl = "http://localhost/" },
            AppointmentDate = visit ?? new DateOnly(2026, 11, 27),
        });

    /// <summary>A dossier received at the desk.</summary>
    public Task<Dossier> AtDeskAsync(string name = "Nguyễn Văn Bình", string phone = "0987654321", int workingDays = 3) =>
        Get<DossierDesk>().ReceiveAsync(new NewDossier { ProcedureId = "khai-sinh", ApplicantName = name, Phone = phone, Village = "Thôn 1", WorkingDays = workingDays, Submission = Submission.InPerson }, "api");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

/// <summary>One browser on the workspace: signs in, opens pages and posts their forms with the page's own antiforgery token.</summary>
public sealed partial class Workspace(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public async Task<HttpResponseMessage> SignInAsync(string user, string password = WorkspaceFactory.Password)
    {
        var token = TokenIn(await client.GetStringAsync(StaffSignInPage.Path));
        var response = await client.PostAsync(StaffSignInPage.Path + "/dang-nhap", Form(token, ("user", user), ("password", password)));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal)) is { } session)
        {
            SessionCookie = session.Split(';')[0];
        }
        return response;
    }

    /// <summary>The session cookie (<c>name=value</c>) the last successful sign-in set, to replay from another client.</summary>
    public string? SessionCookie { get; private set; }

    /// <summary>Signs in and checks it worked.</summary>
    public async Task<Workspace> SignedInAsync(string user)
    {
        using var response = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return this;
    }

    /// <summary>Opens <paramref name="page"/> and posts its form to <paramref name="action"/> with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFromAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = TokenIn(await client.GetStringAsync(page));
        return await client.PostAsync(action, Form(token, fields));
    }

    public static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Concat(token is null ? [] : [KeyValuePair.Create(StaffSessions.AntiforgeryField, token)]));

    public static string TokenIn(string html) =>
        AntiforgeryValue().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no form token.");

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryValue();
}
