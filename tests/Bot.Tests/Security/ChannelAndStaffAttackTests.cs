using System.Net;
using LiteDB;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Bot.State;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>Replayed Zalo events, a guessed staff API key, personal numbers sent to staff, tampered state.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ChannelAndStaffAttackTests(SecurityHost host)
{
    [Theory]
    [InlineData(-25 * 365 * 24 * 60.0)]
    [InlineData(-11.0)]
    [InlineData(60.0)]
    public async Task Signed_zalo_events_stamped_outside_the_window_are_refused(double minutesFromNow)
    {
        var msgId = "replay-" + Guid.NewGuid().ToString("N");
        var before = host.Records();

        using var response = await host.Local.SendAsync(SecurityHost.ZaloEvent("2512777000000001", msgId, "hủy đăng ký", DateTimeOffset.UtcNow.AddMinutes(minutesFromNow)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Refused before it was taken: not even stored in the inbox.
        Assert.Null(host.Get<IInbox>().Find(ZaloAdapter.ChannelId, msgId));
        Assert.Equal(before, host.Records());
    }

    [Fact]
    public async Task A_zalo_event_with_a_signature_that_does_not_match_is_refused()
    {
        var request = SecurityHost.ZaloEvent(SecurityHost.ZaloStaff, "forged-" + Guid.NewGuid().ToString("N"), "/thongbao", DateTimeOffset.UtcNow);
        request.Headers.Remove(ZaloSignature.Header);
        request.Headers.Add(ZaloSignature.Header, "mac=" + new string('0', 64));

        using var response = await host.Local.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_zalo_event_replayed_after_a_restart_is_taken_once()
    {
        using var first = new OneStopBotFactory();
        first.Settings["Zalo:AppId"] = SecurityHost.ZaloAppId;
        first.Settings["Zalo:OaSecretKey"] = SecurityHost.ZaloSecret;
        first.Settings["Zalo:ApiBaseUrl"] = "http://127.0.0.1:9/";
        var msgId = "msg-" + Guid.NewGuid().ToString("N");
        using (var client = first.CreateClient())
        {
            using var delivered = await client.SendAsync(SecurityHost.ZaloEvent("2512777000000002", msgId, "xin chào", DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        var stored = first.Services.GetRequiredService<IInbox>().Find(ZaloAdapter.ChannelId, msgId);
        Assert.NotNull(stored);
        var settings = first.Settings;
        await first.DisposeAsync();

        using var restarted = first.Restarted();
        foreach (var (key, value) in settings)
        {
            restarted.Settings[key] = value;
        }
        using var again = await restarted.CreateClient().SendAsync(SecurityHost.ZaloEvent("2512777000000002", msgId, "xin chào", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // The same row, not a second one: the replay was not stored again.
        Assert.Equal(stored.Id, restarted.Services.GetRequiredService<IInbox>().Find(ZaloAdapter.ChannelId, msgId)?.Id);
    }

    [Fact]
    public async Task Guessing_the_staff_api_key_blocks_the_address_and_the_right_key_still_works_elsewhere()
    {
        var guesser = host.FromElsewhere();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Get(guesser, "/api/staff/questions", $"guess-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var blocked = await Get(guesser, "/api/staff/questions", SecurityHost.ApiKey);
        using var office = await Get(host.FromElsewhere(), "/api/staff/questions", SecurityHost.ApiKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_key_on_the_api_reference_page_is_counted_and_blocked_like_the_api()
    {
        // What the reference page does with each key typed into it: fetch the document with that key.
        var guesser = host.FromElsewhere();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Get(guesser, "/openapi/v1.json", $"guess-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var page = new HttpRequestMessage(HttpMethod.Get, "/scalar/v1");
        page.Headers.Accept.ParseAdd("text/html");
        page.Headers.TryAddWithoutValidation(StaffApi.ApiKeyHeader, SecurityHost.ApiKey);
        using var blocked = await guesser.SendAsync(page);
        using var document = await Get(guesser, "/openapi/v1.json", SecurityHost.ApiKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, document.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(SecurityHost.ApiKey + " ")]
    [InlineData("STAFF-API-KEY-0123456789")]
    public async Task Near_misses_of_the_staff_api_key_are_refused(string key)
    {
        using var response = await Get(host.FromElsewhere(), "/api/staff/questions", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("(091) 2345678")]
    [InlineData("0912/345/678")]
    [InlineData("0912,345,678")]
    [InlineData("0912_345_678")]
    [InlineData("0912\u2011345\u2011678")]
    [InlineData("cccd 001 234 567 889")]
    public async Task Numbers_sent_to_staff_are_masked_in_what_is_kept_and_forwarded(string number)
    {
        // A staff member has written from Zalo before, so the question is forwarded, whatever ran before this test.
        host.Get<HandoffStore>().RememberStaffChat(new ChatAddress(ZaloAdapter.ChannelId, SecurityHost.ZaloStaff, SecurityHost.ZaloStaff));
        var visitor = new Visitor(host.FromElsewhere());
        await visitor.StartAsync();

        var asked = await visitor.SayAsync("Gặp cán bộ");
        await visitor.SayAsync("em can hoi ve ho so, sdt " + number);

        Assert.Contains("đừng gửi số căn cước", asked, StringComparison.Ordinal);
        var kept = string.Join("\n", host.Get<OfficeDatabase>().Collection<BsonDocument>(HandoffStore.CollectionName).FindAll().Select(d => d.ToString()))
            + string.Join("\n", host.DeliveriesTo(""));
        foreach (var digits in new[] { "2345678", "345678", "234567" })
        {
            Assert.DoesNotContain(digits, kept.Replace(" ", "").Replace("/", "").Replace(",", "").Replace("_", "").Replace("\u2011", ""), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tampered_conversation_state_naming_another_type_gets_an_apology_and_builds_nothing()
    {
        var visitor = new Visitor(host.FromElsewhere());
        await visitor.StartAsync();
        await visitor.SayAsync("xin chào");
        var states = host.Get<OfficeDatabase>().Collection<BsonDocument>(LiteDbStorage.CollectionName);
        var document = states.FindById("webchat/conversations/" + ConversationOf(visitor));
        document["json"] = new JObject { ["$type"] = "System.IO.FileInfo, System.IO.FileSystem", ["fileName"] = "/etc/passwd" }.ToString();
        states.Update(document);
        // As after a restart: while the host runs, the file is its alone and its cache serves what it wrote.
        host.Get<StateCache>().Clear();

        var reply = await visitor.SayAsync("làm giấy khai sinh cần gì");

        Assert.Contains("Xin lỗi", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", reply, StringComparison.Ordinal);
    }

    private static string ConversationOf(Visitor visitor) => JObject.Parse(Visitor.Base64Payload(visitor.Token)).Value<string>("conv")!;

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(StaffApi.ApiKeyHeader, key);
        return client.SendAsync(request);
    }
}
