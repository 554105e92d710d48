using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.Zalo;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using static OneStopBot.Bot.Tests.Communes.CommunesHost;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// A resident writing to the provincial OA before saying their commune: the replies (the question which commune) are
/// stored as no commune's, so neither commune's staff see a stranger's chat among their own; once they name theirs,
/// the replies are that commune's, never the first listed one's.
/// </summary>
public sealed class ZaloCommuneQuestionAttackTests
{
    [Fact]
    public async Task Replies_before_the_commune_is_said_are_no_commune_s_and_after_it_the_named_commune_s()
    {
        await using var host = new ZaloTestHost(settings => TwoCommuneOas.Configure(settings, ownOa: false), realBot: true);
        var user = host.NewUser();

        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "số điện thoại của xã"));
        var asked = await host.Api.WaitForCountAsync(user, 1);
        var before = Rows(host, user);

        Assert.Contains("Anh/chị ở xã nào?", asked[0].Text, StringComparison.Ordinal);
        Assert.NotEmpty(before);
        Assert.All(before, row => Assert.Equal(string.Empty, row.Commune));
        var outbox = host.Services.GetRequiredService<Outbox>();
        var seen = host.Services.GetRequiredService<CommuneContext>().ForEach(_ => before.Select(row => outbox.Get(row.Id)).OfType<Delivery>().ToList());
        Assert.Equal(["phuoc-duc", "suoi-may"], seen.Select(each => each.Commune.Id));
        Assert.All(seen, each => Assert.Empty(each.Result));

        // Suối Mây, the second listed: its answer and the question that waited are Suối Mây's.
        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", "2"));
        await host.Api.WaitForAsync(user, sent => sent.Any(m => m.Text.Contains(SuoiMayPhone, StringComparison.Ordinal)));
        var after = Rows(host, user).Where(row => before.All(b => b.Id != row.Id)).ToList();

        Assert.NotEmpty(after);
        Assert.All(after, row => Assert.Equal("suoi-may", row.Commune));
    }

    private static List<Delivery> Rows(ZaloTestHost host, string user) =>
        [.. host.Services.GetRequiredService<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName)
            .FindAll().Where(row => row.To.UserId == user).OrderBy(row => row.Id)];
}
