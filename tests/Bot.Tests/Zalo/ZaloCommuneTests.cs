using static OneStopBot.Bot.Tests.Communes.CommunesHost;

namespace OneStopBot.Bot.Tests.Zalo;

/// <summary>
/// Two communes on Zalo: a message to a commune's own OA is that commune's at once; on one provincial OA the resident
/// is asked their commune first, and the question waiting is answered with that commune's facts.
/// </summary>
public sealed class ZaloCommuneTests
{
    private static void TwoCommunes(Dictionary<string, string?> settings, bool ownOa)
    {
        settings["Communes:0:Id"] = "phuoc-duc";
        settings["Communes:1:Id"] = "suoi-may";
        settings["Communes:1:CommuneName"] = "xã Suối Mây";
        settings["Communes:1:Phone"] = SuoiMayPhone;
        settings["Communes:1:AgencyCode"] = "000.40.20.H49";
        if (ownOa)
        {
            settings["Communes:1:ZaloOaId"] = ZaloTestHost.OaId;
        }
    }

    [Fact]
    public async Task A_message_to_a_commune_s_own_oa_is_answered_with_that_commune_s_facts()
    {
        await using var host = new ZaloTestHost(settings => TwoCommunes(settings, ownOa: true), realBot: true);
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "số điện thoại của xã"));

        var sent = await host.Api.WaitForCountAsync(user, 1);
        Assert.Contains(SuoiMayPhone, sent[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(PhuocDucPhone, sent[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_provincial_oa_the_resident_says_their_commune_then_gets_the_answer_they_asked_for()
    {
        await using var host = new ZaloTestHost(settings => TwoCommunes(settings, ownOa: false), realBot: true);
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "số điện thoại của xã"));
        var asked = await host.Api.WaitForCountAsync(user, 1);
        Assert.Contains("Anh/chị ở xã nào?", asked[0].Text, StringComparison.Ordinal);
        // The choices are numbered for Zalo, which shows no buttons: "2" is the second.
        Assert.Contains("Gõ 2 để chọn: xã Suối Mây", asked[0].Text, StringComparison.Ordinal);

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", "2"));
        var sent = await host.Api.WaitForAsync(user, s => s.Any(m => m.Text.Contains(SuoiMayPhone, StringComparison.Ordinal)));
        Assert.Contains(sent, m => m.Text.Contains("em ghi nhận anh/chị ở xã Suối Mây", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Text.Contains(PhuocDucPhone, StringComparison.Ordinal));
    }
}
