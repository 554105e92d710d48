using System.Net;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The workspace's session: signing in with the member's own password gives an HttpOnly, SameSite=Strict cookie; every
/// page and action needs it; it slides while used and ends after the idle timeout; signing out, a disabled account and
/// a reset password end it on the server; every form needs its antiforgery token; leaders' pages refuse clerks.
/// Strangers are turned away in <see cref="WorkspaceStrangerTests"/>.
/// </summary>
public sealed class WorkspaceSessionTests : IDisposable
{
    private readonly WorkspaceFactory factory = new();

    [Fact]
    public async Task Signing_in_opens_today_with_a_cookie_scripts_cannot_read_and_other_sites_cannot_send()
    {
        using var browser = factory.Browser();

        using var response = await browser.SignInAsync(WorkspaceFactory.Clerk);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/can-bo/hom-nay", new Uri(new Uri("http://localhost/can-bo/dang-nhap"), response.Headers.Location!).AbsolutePath);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var today = await browser.Client.GetStringAsync("/can-bo/hom-nay");
        Assert.Contains(WorkspaceFactory.ClerkName, today);
        Assert.Contains(factory.Get<IStaffAuditLog>().ByStaff(WorkspaceFactory.ClerkName, 10), a => a.Action == "staff.signin");
    }

    [Fact]
    public async Task Over_https_the_cookie_is_sent_only_over_https()
    {
        using var browser = factory.Browser("https://localhost");

        using var response = await browser.SignInAsync(WorkspaceFactory.Clerk);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(WorkspaceFactory.Clerk, "mat-khau-doan-bua", StaffSignInTexts.WrongNameOrPassword)]
    [InlineData("khong-co-ai", WorkspaceFactory.Password, StaffSignInTexts.WrongNameOrPassword)]
    [InlineData(WorkspaceFactory.Clerk, "", StaffSignInTexts.Missing)]
    public async Task A_wrong_sign_in_is_told_politely_and_gives_no_session(string user, string password, string told)
    {
        using var browser = factory.Browser();

        using var response = await browser.SignInAsync(user, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Contains(OneStopBot.Bot.Hosting.HtmlText.Encode(told), html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal)));
        using var today = await browser.Client.GetAsync("/can-bo/hom-nay");
        Assert.Equal(HttpStatusCode.SeeOther, today.StatusCode);
    }

    [Fact]
    public async Task Ten_wrong_passwords_from_one_address_stop_the_sign_in_even_with_the_right_one()
    {
        using var browser = factory.Browser();
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await browser.SignInAsync(WorkspaceFactory.Clerk, "sai-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await browser.SignInAsync(WorkspaceFactory.Clerk);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Đã nhập sai nhiều lần", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sign_in_posted_without_its_form_token_is_refused()
    {
        using var browser = factory.Browser();

        using var response = await browser.Client.PostAsync("/can-bo/dang-nhap", Workspace.Form(null, ("user", WorkspaceFactory.Clerk), ("password", WorkspaceFactory.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffPageTexts.FormExpired, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(factory.Get<IStaffAuditLog>().Recent(100), a => a.Action == "staff.signin");
    }

    [Fact]
    public async Task Forms_posted_without_their_token_or_with_another_session_s_token_change_nothing()
    {
        var dossier = await factory.FromChatAsync();
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        using var other = await factory.Browser().SignedInAsync(WorkspaceFactory.OtherClerk);
        var page = "/can-bo/ho-so/" + dossier.Code;
        var othersToken = Workspace.TokenIn(await other.Client.GetStringAsync(page));

        using var none = await clerk.Client.PostAsync(page + "/trang-thai", Workspace.Form(null, ("status", "received")));
        using var foreign = await clerk.Client.PostAsync(page + "/trang-thai", Workspace.Form(othersToken, ("status", "received")));
        using var json = await clerk.Client.PostAsync(page + "/trang-thai", new StringContent("{\"status\":\"received\"}", System.Text.Encoding.UTF8, "application/json"));
        using var signOut = await clerk.Client.PostAsync("/can-bo/dang-xuat", Workspace.Form(null));

        Assert.All(new[] { none, foreign, json, signOut }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(DossierStatus.PreRegistered, (await factory.Get<IDossierStore>().FindAsync(dossier.Code))!.Status);
        using var still = await clerk.Client.GetAsync("/can-bo/hom-nay");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_clerk_cannot_open_or_use_the_leader_s_accounts_page()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var token = Workspace.TokenIn(await clerk.Client.GetStringAsync("/can-bo/hom-nay"));

        using var page = await clerk.Client.GetAsync("/can-bo/tai-khoan");
        using var disable = await clerk.Client.PostAsync("/can-bo/tai-khoan/tu/khoa", Workspace.Form(token));
        using var reset = await clerk.Client.PostAsync("/can-bo/tai-khoan/lan/mat-khau", Workspace.Form(token));

        Assert.All(new[] { page, disable, reset }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Null(factory.Get<IStaffAccountStore>().Find(WorkspaceFactory.OtherClerk));
        Assert.DoesNotContain("tai-khoan", await (await clerk.Client.GetAsync("/can-bo/hom-nay")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_slides_while_used_and_ends_after_the_idle_timeout()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        factory.Time.Advance(TimeSpan.FromMinutes(20));
        using var used = await clerk.Client.GetAsync("/can-bo/hom-nay");
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        using var stillUsed = await clerk.Client.GetAsync("/can-bo/hom-nay");
        factory.Time.Advance(TimeSpan.FromMinutes(31));
        using var idle = await clerk.Client.GetAsync("/can-bo/hom-nay");

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillUsed.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, idle.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_opens_nothing()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var copied = clerk.SessionCookie!;

        using var signOut = await clerk.PostFromAsync("/can-bo/hom-nay", "/can-bo/dang-xuat");
        using var replay = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", copied);
        using var replayed = await replay.GetAsync("/can-bo/hom-nay");

        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, replayed.StatusCode);
        Assert.Contains(factory.Get<IStaffAuditLog>().ByStaff(WorkspaceFactory.ClerkName, 10), a => a.Action == "staff.signout");
    }

    [Fact]
    public async Task A_leader_disables_a_clerk_whose_open_session_ends_at_once_and_who_cannot_sign_in_again()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.OtherClerk);
        using var leader = await factory.Browser().SignedInAsync(WorkspaceFactory.Leader);

        using var disabled = await leader.PostFromAsync("/can-bo/tai-khoan", "/can-bo/tai-khoan/tu/khoa");
        using var open = await clerk.Client.GetAsync("/can-bo/hom-nay");
        using var again = await factory.Browser().SignInAsync(WorkspaceFactory.OtherClerk);

        Assert.Equal(HttpStatusCode.SeeOther, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains(factory.Get<IStaffAuditLog>().ByStaff(WorkspaceFactory.LeaderName, 10), a => a.Action == "staff.disable" && a.Target == WorkspaceFactory.OtherClerk);
        Assert.Contains(AccountTexts.Disabled, await leader.Client.GetStringAsync("/can-bo/tai-khoan"));
    }

    [Fact]
    public async Task A_leader_gives_a_clerk_a_new_password_shown_once_which_replaces_the_old_one()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.OtherClerk);
        using var leader = await factory.Browser().SignedInAsync(WorkspaceFactory.Leader);

        using var reset = await leader.PostFromAsync("/can-bo/tai-khoan", "/can-bo/tai-khoan/tu/mat-khau");
        var html = await reset.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"password\">([a-z0-9]+)</code>").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(16, password.Length);
        Assert.Equal(HttpStatusCode.SeeOther, (await clerk.Client.GetAsync("/can-bo/hom-nay")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Browser().SignInAsync(WorkspaceFactory.OtherClerk)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await factory.Browser().SignInAsync(WorkspaceFactory.OtherClerk, password)).StatusCode);
        Assert.DoesNotContain(password, await leader.Client.GetStringAsync("/can-bo/tai-khoan"));
        Assert.Contains(factory.Get<IStaffAuditLog>().ByStaff(WorkspaceFactory.LeaderName, 10), a => a.Action == "staff.password-reset" && a.Target == WorkspaceFactory.OtherClerk);
    }

    [Fact]
    public async Task The_staff_chat_gets_its_token_from_the_session_and_the_page_s_token_only()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var token = System.Text.RegularExpressions.Regex.Match(await clerk.Client.GetStringAsync("/can-bo/lenh"), "data-antiforgery=\"([^\"]+)\"").Groups[1].Value;

        using var without = await clerk.Client.PostAsync("/can-bo/lenh/token", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/can-bo/lenh/token");
        request.Headers.Add(StaffSessions.AntiforgeryHeader, System.Net.WebUtility.HtmlDecode(token));
        using var with = await clerk.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains("\"token\"", await with.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_carries_on_after_the_host_restarts_on_the_same_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string cookie;
            using (var before = new WorkspaceFactory())
            {
                before.Settings["Storage:DatabasePath"] = Path.Combine(folder, "onestop.db");
                using var clerk = await before.Browser().SignedInAsync(WorkspaceFactory.Clerk);
                cookie = clerk.SessionCookie!;
            }
            using var after = new WorkspaceFactory();
            after.Settings["Storage:DatabasePath"] = Path.Combine(folder, "onestop.db");
            using var replay = after.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            replay.DefaultRequestHeaders.Add("Cookie", cookie);

            using var response = await replay.GetAsync("/can-bo/hom-nay");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(Directory.Exists(Path.Combine(folder, StaffSessions.KeysFolder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose() => factory.Dispose();
}
