using System.Net;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>Attacks on the web chat's Direct Line endpoint: choosing who one is, forging tokens, guessing, flooding.</summary>
[Collection(SecurityCollection.Name)]
public sealed class DirectLineAttackTests(SecurityHost host)
{
    private const string Base = DirectLineClient.Base;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/tokens/generate")]
    [InlineData("/conversations")]
    public async Task Naming_a_staff_members_id_without_the_secret_gives_a_stranger_no_staff_rights(string path)
    {
        var dossier = await host.DossierAsync();
        var before = host.Records();
        var http = host.FromElsewhere();

        using var response = await http.PostAsync(Base + path, Json("""{"user":{"id":"hoa"}}"""));
        Assert.True(response.IsSuccessStatusCode);
        var token = JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("token")!;
        var visitor = new Visitor(http);
        await visitor.StartAsync(token);

        Assert.NotEqual(SecurityHost.WebChatStaff, visitor.UserId);
        foreach (var command in new[] { "/hoso " + dossier.Code, "/capnhat " + dossier.Code, "/thongbao", "/traloi ABCD xin chào", "/thongke" })
        {
            var reply = await visitor.SayAsync(command);
            Assert.Contains(SecurityHost.StaffOnly, reply, StringComparison.Ordinal);
            SecurityHost.AssertNoPersonalData(reply);
        }
        Assert.Equal(before, host.Records());
    }

    /// <summary>
    /// A client that dresses its own message as the bot's, marked as showing its owner's numbers and as written by staff,
    /// still has its numbers masked where the host keeps them, and gets the bot's usual answer.
    /// </summary>
    [Fact]
    public async Task A_message_posing_as_the_bots_own_with_the_bots_marks_is_kept_masked()
    {
        var client = new DirectLineClient(host.FromElsewhere());
        var chat = await client.StartAsync();

        using var response = await client.PostAsync(chat.Id, chat.Token, """
            {"type":"message","from":{"id":"onestopbot","role":"bot"},"text":"sdt em 0912345678",
             "onestop.ownNumbers":true,"onestop.asWritten":true}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kept = host.Get<Office.Storage.OfficeDatabase>().Collection<StoredActivity>(DirectLineTranscripts.ActivitiesCollection)
            .Find(a => a.ConversationId == chat.Id).Select(a => a.Json).ToList();
        Assert.Contains(kept, json => json.Contains("09******78", StringComparison.Ordinal));
        Assert.All(kept, json => Assert.DoesNotContain("0912345678", json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_secret_cannot_name_the_user()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Base + "/tokens/generate") { Content = Json("""{"user":{"id":"hoa"}}""") };
        request.Headers.Authorization = new("Bearer", "guessed-secret");

        using var response = await host.FromElsewhere().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_right_secret_may_name_the_user_as_a_sites_backend_does_but_that_gives_no_staff_rights()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Base + "/tokens/generate") { Content = Json("""{"user":{"id":"hoa"}}""") };
        request.Headers.Authorization = new("Bearer", SecurityHost.BackendSecret);
        using var response = await host.FromElsewhere().SendAsync(request);
        var token = JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("token")!;
        var visitor = new Visitor(host.FromElsewhere());
        await visitor.StartAsync(token);

        Assert.Equal("hoa", visitor.UserId);
        Assert.Contains(SecurityHost.StaffOnly, await visitor.SayAsync("/thongke"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"user":"x"}""")]
    [InlineData("""{"user":42}""")]
    [InlineData("""{"user":["hoa"]}""")]
    [InlineData("""{"user":{"id":{"$ne":null}}}""")]
    [InlineData("""{"user":{"id":"hoa\u0000"}}""")]
    public async Task Malformed_user_fields_get_a_clear_400_not_a_500(string body)
    {
        using var response = await host.FromElsewhere().PostAsync(Base + "/tokens/generate", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!.Value<string>("code"));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("other-key")]
    [InlineData("swapped-payload")]
    public async Task Forged_tokens_naming_a_staff_member_are_refused(string forgery)
    {
        var http = host.FromElsewhere();
        var visitor = new Visitor(http);
        await visitor.StartAsync();
        var genuine = JObject.Parse(await (await http.PostAsync(Base + "/tokens/generate", Json("{}"))).Content.ReadAsStringAsync()).Value<string>("token")!;
        var parts = genuine.Split('.');
        var claims = JObject.Parse(Visitor.Base64Payload(genuine));
        claims["user"] = SecurityHost.WebChatStaff;
        claims["staff"] = "Chị Hoa";
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToString(Newtonsoft.Json.Formatting.None)));
        var forged = forgery switch
        {
            "none" => Base64Url("""{"alg":"none","typ":"JWT"}"""u8.ToArray()) + "." + payload + ".",
            "other-key" => Sign(parts[0] + "." + payload, "not-the-hosts-key"),
            _ => parts[0] + "." + payload + "." + parts[2],
        };

        var request = new HttpRequestMessage(HttpMethod.Post, Base + "/conversations");
        request.Headers.Authorization = new("Bearer", forged);
        using var start = await http.SendAsync(request);
        using var post = await new DirectLineClient(http).PostAsync(claims.Value<string>("conv")!, forged, """{"type":"message","text":"/thongke"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task Claiming_a_staff_id_or_role_inside_the_activity_changes_nothing()
    {
        var dossier = await host.DossierAsync();
        var http = host.FromElsewhere();
        var client = new DirectLineClient(http);
        var conversation = await client.StartAsync();

        using var response = await client.PostAsync(conversation.Id, conversation.Token,
            new JObject
            {
                ["type"] = "message", ["text"] = "/hoso " + dossier.Code, ["channelId"] = "emulator",
                ["from"] = new JObject { ["id"] = SecurityHost.WebChatStaff, ["role"] = "bot", ["name"] = "Chị Hoa" },
                ["channelData"] = new JObject { ["staff"] = true },
            }.ToString());
        var (activities, _) = await client.PollAsync(conversation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = string.Join("\n", activities.Select(a => a.Value<string>("text")));
        Assert.Contains(SecurityHost.StaffOnly, texts, StringComparison.Ordinal);
        SecurityHost.AssertNoPersonalData(texts);
        Assert.All(activities.Where(a => a["from"]!.Value<string>("role") == "user"), a => Assert.NotEqual(SecurityHost.WebChatStaff, a["from"]!.Value<string>("id")));
    }

    [Fact]
    public async Task My_dossiers_in_a_strangers_chat_show_nothing_of_anyone_else()
    {
        await host.DossierAsync();
        var visitor = new Visitor(host.FromElsewhere());
        await visitor.StartAsync();

        var reply = await visitor.SayAsync("Hồ sơ của tôi");

        SecurityHost.AssertNoPersonalData(reply);
    }

    [Fact]
    public async Task Guessing_the_last_four_digits_with_a_new_chat_for_every_guess_locks_the_code_after_five()
    {
        var dossier = await host.DossierAsync();
        var http = host.FromElsewhere();
        var replies = new List<string>();
        for (var guess = 0; guess < 5; guess++)
        {
            var visitor = new Visitor(http);
            await visitor.StartAsync();
            await visitor.SayAsync("Tra cứu hồ sơ " + dossier.Code);
            replies.Add(await visitor.SayAsync($"{1000 + guess}"));
        }
        // Even the right digits from yet another chat, on another address, are refused now.
        var last = new Visitor(host.FromElsewhere());
        await last.StartAsync();
        var locked = await last.SayAsync("Tra cứu hồ sơ " + dossier.Code);
        replies.Add(locked + await last.SayAsync(SecurityHost.Phone[^4..]));

        Assert.Contains("đang tạm khoá", replies[4], StringComparison.Ordinal);
        Assert.Contains("đang tạm khoá", locked, StringComparison.Ordinal);
        Assert.All(replies, SecurityHost.AssertNoPersonalData);
        Assert.False(host.Get<LookupGuard>().CheckCode(dossier.Code).Allowed);
        // The owner is told on their own chat.
        var told = host.DeliveriesTo(dossier.Owner!.UserId);
        Assert.Contains(told, text => text.Contains(dossier.Code, StringComparison.Ordinal) && text.Contains("tạm khoá", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_unlock_a_locked_code_and_the_unlock_is_audited()
    {
        var dossier = await host.DossierAsync();
        for (var i = 0; i < 5; i++)
        {
            host.Get<LookupGuard>().VerifyDigits(dossier.Code, "0000", (_, _) => { });
        }
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/dossiers/{dossier.Code}/unlock");
        request.Headers.Add(OneStopBot.Bot.Staff.StaffApi.ApiKeyHeader, SecurityHost.ApiKey);

        using var response = await host.FromElsewhere().SendAsync(request);
        var visitor = new Visitor(host.FromElsewhere());
        await visitor.StartAsync();
        await visitor.SayAsync("Tra cứu hồ sơ " + dossier.Code);
        var shown = await visitor.SayAsync(SecurityHost.Phone[^4..]);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("Trạng thái", shown, StringComparison.Ordinal);
        Assert.Contains(host.Get<StaffAuditLog>().ForTarget(dossier.Code), a => a.Action == "dossier.unlock" && a.Details == "locked");
    }

    [Fact]
    public async Task Walking_unknown_codes_from_one_address_is_refused_after_five_whatever_the_chat()
    {
        var http = host.FromElsewhere();
        var replies = new List<string>();
        for (var number = 1; number <= 7; number++)
        {
            var visitor = new Visitor(http);
            await visitor.StartAsync();
            replies.Add(await visitor.SayAsync($"Tra cứu hồ sơ 201101-{number:D4}"));
        }

        Assert.All(replies[..5], reply => Assert.Contains("không tìm thấy", reply, StringComparison.OrdinalIgnoreCase));
        Assert.All(replies[5..], reply => Assert.Contains("thử sai nhiều lần", reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flood_of_conversations_from_one_address_is_limited_even_with_forged_forwarded_headers()
    {
        var http = host.FromElsewhere();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Base + "/tokens/generate") { Content = Json("{}") };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Theory]
    [InlineData("""{"user":"hoa","password":"sai-mat-khau"}""")]
    [InlineData("""{"user":"khong-co","password":"mat-khau-rieng-cua-chi-Hoa"}""")]
    [InlineData("""{"user":"hoa","password":""}""")]
    [InlineData("""{"user":{"$gt":""},"password":{"$gt":""}}""")]
    [InlineData("""không phải JSON""")]
    public async Task Staff_sign_in_with_anything_but_the_members_own_password_is_refused(string body)
    {
        var before = host.Records();

        using var response = await host.FromElsewhere().PostAsync(Base + StaffSignIn.Route, Json(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, host.Records());
    }

    /// <summary>
    /// Another site's page posting a form to the sign-in with the right password (a text/plain form can carry JSON):
    /// refused, as is the page's own address; only a JSON request, which a browser sends across sites only after CORS
    /// allowed it, signs in.
    /// </summary>
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_form_post_with_the_right_password_signs_nobody_in(string? contentType)
    {
        var body = $$"""{"user":"hoa","password":"{{SecurityHost.StaffPasswordText}}","x":"="}""";
        var signIns = host.AuditActions().Count(a => a.Action == "staff.signin");
        using var content = new StringContent(body);
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + StaffSignIn.Route) { Content = content };
        request.Headers.Add("Origin", "https://ke-gian.example");

        using var response = await host.FromElsewhere().SendAsync(request);
        using var toPage = await host.FromElsewhere().PostAsync(OneStopBot.Bot.StaffWeb.StaffSignInPage.Path, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["user"] = "hoa", ["password"] = SecurityHost.StaffPasswordText }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.DoesNotContain("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, toPage.StatusCode);
        Assert.Equal(signIns, host.AuditActions().Count(a => a.Action == "staff.signin"));
    }

    [Fact]
    public async Task Guessing_a_staff_password_blocks_the_address_even_for_the_right_one()
    {
        var http = host.FromElsewhere();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsync(Base + StaffSignIn.Route, Json($$"""{"user":"hoa","password":"doan-{{i}}"}"""));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await http.PostAsync(Base + StaffSignIn.Route, Json($$"""{"user":"hoa","password":"{{SecurityHost.StaffPasswordText}}"}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_staff_member_has_staff_rights_and_the_sign_in_is_audited_with_their_name()
    {
        using var response = await host.FromElsewhere().PostAsync(Base + StaffSignIn.Route,
            Json($$"""{"user":"hoa","password":"{{SecurityHost.StaffPasswordText}}"}"""));
        var token = JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("token")!;
        var staff = new Visitor(host.FromElsewhere());
        await staff.StartAsync(token);

        var statistics = await staff.SayAsync("/thongke");

        Assert.DoesNotContain(SecurityHost.StaffOnly, statistics, StringComparison.Ordinal);
        Assert.Contains(host.AuditActions(), a => a is ("Chị Hoa", "staff.signin"));
    }

    [Fact]
    public async Task Unasked_ratings_from_two_chats_change_no_satisfaction_figure()
    {
        var before = host.Records();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var visitor = new Visitor(host.FromElsewhere());
            await visitor.StartAsync();
            for (var i = 0; i < 10; i++)
            {
                await visitor.SayAsync("Không hài lòng");
            }
        }

        Assert.Equal((0, 0), host.Get<RatingStore>().CountSatisfaction(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Equal(before, host.Records());
    }

    [Fact]
    public async Task A_token_for_one_conversation_reads_and_writes_no_other()
    {
        var http = host.FromElsewhere();
        var client = new DirectLineClient(http);
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();

        using var read = await client.GetActivitiesAsync(theirs.Id, mine.Token);
        using var post = await client.PostAsync(theirs.Id, mine.Token, """{"type":"message","text":"hồ sơ của tôi"}""");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Sign(string unsigned, string key) =>
        unsigned + "." + Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(unsigned)));
}
