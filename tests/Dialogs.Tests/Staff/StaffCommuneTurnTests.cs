using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Staff;

/// <summary>
/// A staff member's chat commands in a deployment of two communes act for the member's own commune: its villages for a
/// broadcast, its goals for the figures.
/// </summary>
public sealed class StaffCommuneTurnTests
{
    private static ConversationHarness Harness(string commune) => new(settings: new Dictionary<string, string?>
    {
        ["Communes:0:Id"] = "phuoc-duc",
        ["Communes:0:AgencyCode"] = "000.32.30.H49",
        ["Communes:0:Villages:0"] = "Thôn 1",
        ["Communes:0:Villages:1"] = "Thôn 2",
        ["Communes:1:Id"] = "mau-hai",
        ["Communes:1:CommuneName"] = "xã Mẫu Hai (tên mẫu)",
        ["Communes:1:AgencyCode"] = "000.00.00.M02",
        ["Communes:1:Villages:0"] = "Thôn 5",
        ["Communes:1:Villages:1"] = "Thôn 6",
        ["Communes:1:OnlineGoalPercent"] = "70",
        ["Staff:Members:0:Channel"] = Chats.Channel,
        ["Staff:Members:0:UserId"] = Chats.User,
        ["Staff:Members:0:Name"] = "Cán bộ Hoa",
        ["Staff:Members:0:Commune"] = commune,
    });

    [Theory]
    [InlineData("phuoc-duc", "Thôn 1", "Thôn 2", "Mục tiêu trực tuyến 65%")]
    [InlineData("mau-hai", "Thôn 5", "Thôn 6", "Mục tiêu trực tuyến 70%")]
    public async Task Chat_commands_act_for_the_member_s_commune(string commune, string village, string otherVillage, string goal)
    {
        using var harness = Harness(commune);

        await harness.Flow()
            .Send("/thongke").AssertReplyContains(goal)
            .Send("/thongbao").AssertReplyWithButtons(StaffBroadcastTexts.AskAudience, [village, otherVillage, SubscribeTexts.AllVillages])
            .StartTestAsync();
    }
}
