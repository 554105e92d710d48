using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Tests.Zalo;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// A commune's own OA answers with its own token, so an event naming that OA must be Zalo's: one claiming Suối Mây's
/// OA that is not signed with the app's OA secret key, or whose OA was swapped after signing, is refused as any other.
/// </summary>
public sealed class ZaloCommuneOaAttackTests : IAsyncLifetime
{
    private readonly ZaloTestHost host = new(settings => TwoCommuneOas.Configure(settings, ownOa: true));

    [Fact]
    public async Task An_event_claiming_a_commune_s_oa_that_is_signed_wrongly_is_refused_and_nothing_is_sent()
    {
        var user = host.NewUser();
        var claimed = ZaloEvents.Text(user, $"{user}-forged", "xin chào", TwoCommuneOas.SuoiMayOaId);
        var otherKey = ZaloSignature.Compute(ZaloTestHost.AppId, Encoding.UTF8.GetBytes(claimed), ZaloEvents.TimestampOf(claimed), "another-oa-secret");
        var provincial = ZaloEvents.Text(user, $"{user}-swapped", "xin chào");
        var provincialSignature = ZaloSignature.Compute(
            ZaloTestHost.AppId, Encoding.UTF8.GetBytes(provincial), ZaloEvents.TimestampOf(provincial), ZaloTestHost.OaSecretKey);
        var swapped = provincial.Replace(ZaloTestHost.OaId, TwoCommuneOas.SuoiMayOaId, StringComparison.Ordinal);

        using (var wrongKey = await host.PostAsync(claimed, otherKey))
        using (var reused = await host.PostAsync(swapped, provincialSignature))
        {
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { wrongKey.StatusCode, reused.StatusCode });
        }

        var inbox = host.Services.GetRequiredService<IInbox>();
        Assert.Null(inbox.Find(ZaloAdapter.ChannelId, $"{user}-forged"));
        Assert.Null(inbox.Find(ZaloAdapter.ChannelId, $"{user}-swapped"));
        Assert.Empty(host.Probe.ReceivedFrom(user));
        Assert.Empty(host.Api.SentTo(user));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => host.DisposeAsync().AsTask();
}
