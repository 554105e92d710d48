using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Tests.Zalo;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>What reaches the Zalo inbox: only signed, recent events, each once, whatever their ids look like.</summary>
public sealed class ZaloInboxAttackTests : IAsyncLifetime
{
    private readonly ZaloTestHost host = new();

    private IInbox Inbox => host.Services.GetRequiredService<IInbox>();

    [Fact]
    public async Task Unsigned_forged_and_stale_events_never_reach_the_inbox()
    {
        var user = host.NewUser();
        var stale = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var forged = ZaloEvents.Text(user, $"{user}-forged", "hủy đăng ký");
        var fresh = ZaloEvents.Text(user, $"{user}-old", "hủy đăng ký");
        var old = fresh.Replace(ZaloEvents.TimestampOf(fresh), stale, StringComparison.Ordinal);

        using (var unsigned = await host.PostAsync(forged, signature: string.Empty))
        using (var wrong = await host.PostAsync(forged, signature: "mac=" + new string('0', 64)))
        using (var replayed = await host.PostAsync(old))
        {
            Assert.Equal(
                [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest],
                new[] { unsigned.StatusCode, wrong.StatusCode, replayed.StatusCode });
        }

        Assert.Null(Inbox.Find(ZaloAdapter.ChannelId, $"{user}-forged"));
        Assert.Null(Inbox.Find(ZaloAdapter.ChannelId, $"{user}-old"));
        Assert.Equal(0, host.Services.GetRequiredService<ZaloInboxWorker>().Pending);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(40_000)]
    public async Task A_signed_event_with_an_id_too_long_for_the_index_is_stored_once_and_answered_once(int length)
    {
        await host.AssertDeliveredTwiceAnsweredOnceAsync(host.NewUser(), new string('7', length));
    }

    [Fact]
    public async Task The_same_event_delivered_many_times_at_once_is_stored_and_answered_once()
    {
        var user = host.NewUser();
        var question = ZaloEvents.Text(user, $"{user}-1", "xin chào");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await host.PostAsync(question);
            return response.StatusCode;
        }));
        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", "cảm ơn"));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var sent = await host.Api.WaitForAsync(user, s => s.Any(m => m.Text == "Đã nhận: cảm ơn"));
        Assert.Equal(["Đã nhận: xin chào", "Đã nhận: cảm ơn"], sent.Select(m => m.Text));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => host.DisposeAsync().AsTask();
}
