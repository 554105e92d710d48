using System.Text;
using OneStopBot.Dialogs.Messages;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Security;

/// <summary>
/// Hostile messages replayed against the reading of a message in every context it is read in: each is read, the
/// reading keeps at most what understanding reads, and a turn answers it politely, keeping no more for staff.
/// </summary>
public sealed class ReadingAttackTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string> Payloads => new()
    {
        Repeat("con ", 250_000),
        Repeat("thoi ", 200_000),
        Repeat("10 trang ", 100_000),
        Repeat("231120-", 100_000),
        Repeat("khai tử kết hôn ", 50_000),
        Repeat("😂", 300_000),
        "con " + Repeat("ket hon ", 100_000) + "thi sao",
        // Question words and remarks, to the reading that tells a remark put as a question from a plain one.
        Repeat("hay ", 250_000),
        "cán bộ xã " + Repeat("chậm quá hả ", 100_000) + "?",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_hostile_message_is_read_and_cut_in_every_context(string payload)
    {
        var reader = harness.Get<MessageReader>();

        ReadingContext[] contexts =
        [
            new(),
            new("khai-sinh", ProcedureAspect.Fee),
            new(Proposed: ["chung-thuc-ban-sao", "xac-nhan-hon-nhan"]),
            new("not-a-procedure", ProcedureAspect.Deadline, ["not-a-procedure-either"]),
        ];
        foreach (var context in contexts)
        {
            Assert.True(reader.Read(payload, context).Text.Length <= VietnameseText.MaxLength);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_hostile_follow_up_gets_a_reply_and_keeps_no_more_than_a_question(string payload)
    {
        await harness.SayAsync("đăng ký khai sinh cho con");

        Assert.NotEmpty(await harness.SayAsync(payload));

        Assert.All(harness.Get<UnansweredQuestionStore>().Latest(10), kept => Assert.True(kept.Text.Length <= VietnameseText.MaxLength));
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();
}
