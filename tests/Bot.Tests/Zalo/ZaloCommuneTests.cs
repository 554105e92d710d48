using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static OneStopBot.Bot.Tests.Communes.CommunesHost;

namespace OneStopBot.Bot.Tests.Zalo;

/// <summary>
/// Two communes on Zalo: Phước Đức answered on the provincial OA (the host's <see cref="ZaloTestHost.OaId"/>, with the
/// <c>Zalo</c> section's tokens) and Suối Mây, which may have an OA of its own with tokens of its own.
/// </summary>
public static class TwoCommuneOas
{
    public const string SuoiMayOaId = "579745863508352999";
    public const string SuoiMayAccessToken = "access-suoi-may";
    public const string SuoiMayRefreshToken = "refresh-suoi-may";

    public static void Configure(Dictionary<string, string?> settings, bool ownOa)
    {
        settings["Communes:0:Id"] = "phuoc-duc";
        settings["Communes:1:Id"] = "suoi-may";
        settings["Communes:1:CommuneName"] = "xã Suối Mây";
        settings["Communes:1:Phone"] = SuoiMayPhone;
        settings["Communes:1:AgencyCode"] = "000.40.20.H49";
        if (ownOa)
        {
            settings["Communes:1:ZaloOaId"] = SuoiMayOaId;
            settings["Communes:1:ZaloAccessToken"] = SuoiMayAccessToken;
            settings["Communes:1:ZaloRefreshToken"] = SuoiMayRefreshToken;
        }
    }
}

/// <summary>
/// A message to a commune's own OA is that commune's at once and is answered through that OA; on the provincial OA
/// the resident is asked their commune first and is answered through the provincial OA, where Zalo knows them.
/// </summary>
public sealed class ZaloCommuneTests
{
    private const string OAuthPath = "/v4/oa/access_token";

    private static ZaloTestHost Host(bool ownOa) => new(settings => TwoCommuneOas.Configure(settings, ownOa), realBot: true);

    [Fact]
    public async Task A_message_to_a_commune_s_own_oa_is_answered_with_that_commune_s_facts_and_token()
    {
        await using var host = Host(ownOa: true);
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "số điện thoại của xã", TwoCommuneOas.SuoiMayOaId));

        var sent = await host.Api.WaitForCountAsync(user, 1);
        Assert.Contains(SuoiMayPhone, sent[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(PhuocDucPhone, sent[0].Text, StringComparison.Ordinal);
        Assert.Equal(TwoCommuneOas.SuoiMayAccessToken, sent[0].AccessToken);
    }

    [Theory]
    [InlineData(true, "1", PhuocDucPhone)]
    // Saying another commune changes whose facts answer, not the OA: Zalo's user id is the user's with this OA only.
    [InlineData(true, "2", SuoiMayPhone)]
    [InlineData(false, "2", SuoiMayPhone)]
    public async Task On_the_provincial_oa_the_resident_says_their_commune_and_is_answered_with_the_provincial_token(
        bool suoiMayHasOwnOa, string choice, string phone)
    {
        await using var host = Host(suoiMayHasOwnOa);
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "số điện thoại của xã"));
        var asked = await host.Api.WaitForCountAsync(user, 1);
        Assert.Contains("Anh/chị ở xã nào?", asked[0].Text, StringComparison.Ordinal);
        // The choices are numbered for Zalo, which shows no buttons: "2" is the second.
        Assert.Contains("Gõ 2 để chọn: xã Suối Mây", asked[0].Text, StringComparison.Ordinal);

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", choice));
        var sent = await host.Api.WaitForAsync(user, s => s.Any(m => m.Text.Contains(phone, StringComparison.Ordinal)));
        Assert.DoesNotContain(sent, m => m.Text.Contains(phone == SuoiMayPhone ? PhuocDucPhone : SuoiMayPhone, StringComparison.Ordinal));
        Assert.All(sent, m => Assert.Equal(ZaloTestHost.AccessToken, m.AccessToken));
    }

    [Fact]
    public async Task A_status_notice_for_a_dossier_filed_on_a_commune_s_own_oa_goes_with_that_oa_s_token()
    {
        await using var host = Host(ownOa: true);
        var user = host.NewUser();
        // The chat address a turn on Suối Mây's OA keeps: the OA is the bot's account.
        var owner = new ChatAddress(ZaloAdapter.ChannelId, user, user) { BotId = TwoCommuneOas.SuoiMayOaId };
        using (host.Services.GetRequiredService<CommuneContext>().Enter("suoi-may"))
        {
            var dossier = (await host.Services.GetRequiredService<DossierDesk>().PreRegisterAsync(new NewDossier
            {
                ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2",
                Owner = owner, WorkingDays = 5, AppointmentDate = new DateOnly(2026, 11, 30),
            }));
            await host.Services.GetRequiredService<DossierUpdates>().ChangeStatusAsync(dossier.Code, DossierStatus.Received, "desk", null);
        }

        var sent = Assert.Single(await host.Api.WaitForCountAsync(user, 1));
        Assert.Contains("000.40.20.H49", sent.Text, StringComparison.Ordinal);
        Assert.Equal(TwoCommuneOas.SuoiMayAccessToken, sent.AccessToken);
    }

    [Fact]
    public async Task A_commune_oa_s_rejected_token_is_refreshed_with_its_own_refresh_token_and_the_province_s_is_untouched()
    {
        await using var host = Host(ownOa: true);
        var (suoiMayUser, provincialUser) = (host.NewUser(), host.NewUser());
        host.Api.FailSends(-216, accessToken: TwoCommuneOas.SuoiMayAccessToken);
        host.Api.Server.Given(Request.Create().WithPath(OAuthPath).UsingPost()
                .WithBody(new WildcardMatcher($"*refresh_token={TwoCommuneOas.SuoiMayRefreshToken}*")))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                access_token = "access-suoi-may-2",
                refresh_token = "refresh-suoi-may-2",
                expires_in = "90000",
            }));

        await host.PostAcceptedAsync(ZaloEvents.Text(suoiMayUser, $"{suoiMayUser}-1", "xin chào", TwoCommuneOas.SuoiMayOaId));
        var sent = await host.Api.WaitForCountAsync(suoiMayUser, 2);
        await host.PostAcceptedAsync(ZaloEvents.Text(provincialUser, $"{provincialUser}-1", "xin chào"));
        var provincial = await host.Api.WaitForCountAsync(provincialUser, 1);

        Assert.Equal([TwoCommuneOas.SuoiMayAccessToken, "access-suoi-may-2"], sent.Select(m => m.AccessToken));
        var refresh = Assert.Single(host.Api.Requests(OAuthPath)).RequestMessage;
        Assert.Equal(TwoCommuneOas.SuoiMayRefreshToken, QueryHelpers.ParseQuery(refresh.Body)["refresh_token"]);
        var store = host.Services.GetRequiredService<ChannelTokenStore>();
        var stored = store.Find(ZaloTokenProvider.StoreKey(TwoCommuneOas.SuoiMayOaId));
        Assert.Equal(("access-suoi-may-2", "refresh-suoi-may-2"), (stored?.AccessToken, stored?.RefreshToken));
        Assert.Null(store.Find(ZaloTokenProvider.Channel));
        Assert.Equal(ZaloTestHost.AccessToken, provincial[0].AccessToken);
    }
}
