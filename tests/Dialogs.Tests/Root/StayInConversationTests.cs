using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>
/// Nothing falls out of a conversation: each row is what a resident types, turn by turn ("|" between turns), a text
/// the replies to the last turn must hold, and one they must not.
/// </summary>
public sealed class StayInConversationTests : IDisposable
{
    private const string NotFound = "chưa tìm thấy thủ tục";
    private const string PressAButton = "vui lòng bấm một nút";
    private const string Welcome = "Em là trợ lý";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string, string> Rows => new()
    {
        // Thanks and goodbye close politely, without the greeting again.
        { "đăng ký khai sinh cho con | cảm ơn em nhiều nha", "không có chi", Welcome },
        { "đăng ký kết hôn | tạm biệt nhé", "không có chi", Welcome },
        { "lam giay khai tu cho ba | ok tks nha", "không có chi", Welcome },
        // A death told in passing: condolences first, then how to register it.
        { "ba tui mới mất hôm qua", "chia buồn", NotFound },
        { "chung thuc ban sao | me tui vua qua doi", "chia buồn", NotFound },
        // "Yes" after an answer keeps the procedure.
        { "lam giay khai tu cho ba | uh dung roi", "khai tử", "em chỉ giúp được" },
        // Follow-ups the old word lists missed stay on the procedure in context.
        { "đăng ký khai sinh cho con | de lau roi gio lam dc ko", "60 ngày", NotFound },
        { "lam giay khai tu cho ba | may ngay phai di bao", "15 ngày", NotFound },
        { "khiếu nại quyết định của xã | con han khieu nai ko", "90 ngày", NotFound },
        { "đăng ký nghĩa vụ quân sự | con tui mười bảy tuổi phải đi chưa", "17 tuổi", NotFound },
        { "đăng ký khai sinh cho con | ủa rứa là răng hè", "Làm giấy khai sinh cho con", NotFound },
        // Office hours asked after a procedure are the hours of whoever receives it.
        { "đăng ký khai sinh cho con | sáng thứ bảy có ai làm không", "Giờ làm việc", NotFound },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_last_turn_stays_in_the_conversation(string turns, string expected, string forbidden)
    {
        var replies = new List<string>();
        foreach (var turn in turns.Split(" | "))
        {
            replies = [.. (await harness.SayAsync(turn)).Select(r => harness.Plain(r.Text))];
        }

        var text = string.Join('\n', replies);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("uh dung roi")]
    [InlineData("can mang giay chi")]
    [InlineData("phải")]
    public async Task A_typed_answer_to_a_guess_is_understood_not_refused(string typed)
    {
        // "giấy chứng nhận" names a family of papers: the bot guesses, with buttons.
        var guess = await harness.SayAsync("giấy chứng nhận");
        Assert.StartsWith("Có phải", guess[0].Text, StringComparison.Ordinal);

        var text = string.Join('\n', (await harness.SayAsync(typed)).Select(r => harness.Plain(r.Text)));

        Assert.DoesNotContain(PressAButton, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(NotFound, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(harness.Get<ProcedureCatalog>().All, procedure => text.Contains(procedure.SimpleName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_after_a_guess_closes_politely_and_keeps_nothing_for_staff()
    {
        await harness.SayAsync("giấy chứng nhận");

        var replies = await harness.SayAsync("thoi khoi, de bua khac");

        Assert.Contains(replies, r => r.Text.Contains("dừng", StringComparison.Ordinal));
        Assert.Empty(harness.Get<UnansweredQuestionStore>().Latest(10));
    }
}
