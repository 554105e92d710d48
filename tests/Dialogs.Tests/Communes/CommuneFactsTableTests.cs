using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Tests.Infrastructure;
using static OneStopBot.Dialogs.Tests.Communes.TwoCommunes;

namespace OneStopBot.Dialogs.Tests.Communes;

/// <summary>
/// With several communes configured, each chat answered with the facts of the commune its channel vouches for (as a
/// web chat opened at <c>/xa/{id}/</c>): the turns separated by " | ", what the last one's replies hold, and what they
/// must not hold (the other commune's fact).
/// </summary>
public sealed class CommuneFactsTableTests : IDisposable
{
    private readonly ConversationHarness harness = new(settings: Settings);

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string, string, string> Rows => new()
    {
        { PhuocDuc, "số điện thoại của xã", PhuocDucPhone, SuoiMayPhone },
        { SuoiMay, "số điện thoại của xã", SuoiMayPhone, PhuocDucPhone },
        { SuoiMay, "xin chào", SuoiMayOffice, "Phước Đức" },
        { PhuocDuc, "xin chào", "Bộ phận một cửa UBND xã Phước Đức", "Suối Mây" },
        { SuoiMay, "xã có những thôn nào", SuoiMayVillage, "Thôn 1" },
        { SuoiMay, "Nhận thông báo", SuoiMayVillage, "Thôn 1" },
        { PhuocDuc, "Nhận thông báo", "Thôn 1", SuoiMayVillage },
        // Công an xã receives it: its place and hours are the commune's own.
        { SuoiMay, "đăng ký thường trú nộp ở đâu", "Công an xã Suối Mây", "Phước Đức" },
        { SuoiMay, "Nộp hồ sơ trước | thường trú", "Công an xã Suối Mây", "Phước Đức" },
        { PhuocDuc, "đăng ký thường trú nộp ở đâu", "Công an xã Phước Đức", "Suối Mây" },
        // Nobody on duty for messages: the commune's own phone to call.
        { SuoiMay, "gặp cán bộ | cho hỏi giờ làm việc thứ bảy", SuoiMayPhone, PhuocDucPhone },
        // A dossier code's example is the commune's own.
        { SuoiMay, "Tra cứu hồ sơ", SuoiMayAgency, "000.32.30.H49" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_commune_s_chat_is_answered_with_its_own_facts(string commune, string turns, string expected, string other)
    {
        harness.ChannelCommune = commune;
        IReadOnlyList<IMessageActivity> replies = [];
        foreach (var turn in turns.Split(" | "))
        {
            replies = await harness.SayAsync(turn);
        }
        var said = string.Join("\n", replies.Select(r => r.Text + " " + string.Join(" ", r.SuggestedActions?.Actions.Select(a => a.Title) ?? [])));
        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.DoesNotContain(other, said, StringComparison.Ordinal);
    }
}
