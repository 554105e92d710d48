using Microsoft.Extensions.Time.Testing;
using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Deadlines;

/// <summary>
/// "Còn kịp không?" with the day the limit counts from: each row is the office's local time now, what the resident
/// types (one message, or a question then the day asked for), and what the last answer must say.
/// </summary>
public sealed class DeadlineConversationTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static TheoryData<string, string[], string> Rows => new()
    {
        // In time, from the day in the message.
        { "2026-11-26 09:00", ["bé sinh ngày 2/10 làm khai sinh còn kịp không"], "Hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026 — còn 5 ngày." },
        // No day given: asked for with a date prompt.
        { "2026-11-26 09:00", ["khai sinh còn kịp không", "2/10"], "Hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026 — còn 5 ngày." },
        { "2026-11-26 09:00", ["khai sinh còn kịp không", "sinh hôm 20 tháng trước"], "Hạn làm khai sinh miễn phí đến thứ Bảy, 19/12/2026 — còn 23 ngày." },
        // Out of time: what now.
        { "2026-11-26 09:00", ["bé sinh ngày 1/9, khai sinh còn kịp không"], "Đã quá hạn làm khai sinh miễn phí 26 ngày (hạn là thứ Bảy, 31/10/2026)." },
        { "2026-11-26 09:00", ["bé sinh ngày 1/9, khai sinh còn kịp không"], "lệ phí theo mức của tỉnh" },
        // The last day is today.
        { "2026-11-26 09:00", ["khai sinh còn kịp không", "27/9"], "Hôm nay, thứ Năm, 26/11/2026, là ngày cuối cùng để làm khai sinh miễn phí." },
        // The last day is a Sunday: the last working day before it.
        { "2026-11-26 09:00", ["khai sinh còn kịp không", "30/9"], "Ngày Chủ nhật, 29/11/2026 xã nghỉ. Anh/chị nên đến trước, muộn nhất thứ Sáu, 27/11/2026." },
        // Khai tử from "hôm thứ hai".
        { "2026-11-26 09:00", ["ông mất hôm thứ hai, làm khai tử còn kịp không"], "Hạn làm khai tử miễn phí đến thứ Ba, 08/12/2026 — còn 12 ngày." },
        // Khiếu nại: 90 days from knowing of the decision.
        { "2026-11-26 09:00", ["khiếu nại còn hạn không", "1/9"], "Hạn gửi khiếu nại đến thứ Hai, 30/11/2026 — còn 4 ngày." },
        // Month end into a leap day: 31/12/2027 + 60 days.
        { "2028-01-15 09:00", ["khai sinh còn kịp không", "31/12"], "Hạn làm khai sinh miễn phí đến thứ Ba, 29/02/2028 — còn 45 ngày." },
        // Born on a leap day.
        { "2028-03-01 09:00", ["khai sinh còn kịp không", "29/2"], "Bé sinh thứ Ba, 29/02/2028." },
        // Just after midnight in Vietnam (still the day before in UTC): today is the office's day.
        { "2026-11-27 00:30", ["khai sinh còn kịp không", "2/10"], "Hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026 — còn 4 ngày." },
        // Just before midnight.
        { "2026-11-26 23:50", ["khai sinh còn kịp không", "2/10"], "còn 5 ngày." },
        // After an answer about the procedure, the question and the day as a follow-up.
        { "2026-11-26 09:00", ["làm giấy khai sinh cho con", "còn kịp không", "2/10"], "Hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026 — còn 5 ngày." },
        { "2026-11-26 09:00", ["làm giấy khai sinh cho con", "bé sinh hôm qua, trễ có bị phạt không"], "Hạn làm khai sinh miễn phí đến Chủ nhật, 24/01/2027 — còn 59 ngày." },
        // Nghĩa vụ quân sự: April of the year the son turns 17.
        { "2026-11-26 09:00", ["đăng ký nghĩa vụ quân sự hạn khi nào", "15/3/2010"], "vào tháng 4 năm 2027 (năm con đủ 17 tuổi)" },
        { "2027-04-10 09:00", ["đăng ký nghĩa vụ quân sự hạn khi nào", "15/3/2010"], "hạn đến thứ Sáu, 30/04/2027 — còn 20 ngày." },
        { "2027-06-10 09:00", ["đăng ký nghĩa vụ quân sự hạn khi nào", "15/3/2010"], "Tháng 4 năm 2027 (năm con đủ 17 tuổi) đã qua." },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_last_day_is_counted_from_today(string localNow, string[] messages, string expected)
    {
        using var harness = new ConversationHarness(time: new FakeTimeProvider(At(localNow)));
        IReadOnlyList<Microsoft.Bot.Schema.IMessageActivity> replies = [];
        foreach (var message in messages)
        {
            replies = await harness.SayAsync(message);
        }
        var last = replies[^1].Text;
        Assert.Contains(expected, last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_day_the_bot_asks_for_it()
    {
        using var harness = new ConversationHarness();
        var replies = await harness.SayAsync("khai sinh còn kịp không");
        Assert.Equal(DeadlineTexts.AskBirth, replies[^1].Text);
        Assert.Contains("60 ngày", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_still_to_come_is_asked_again()
    {
        using var harness = new ConversationHarness();
        await harness.SayAsync("khai sinh còn kịp không");
        var replies = await harness.SayAsync("2/10/2027");
        Assert.StartsWith("Ngày thứ Bảy, 02/10/2027 chưa tới.", replies[0].Text, StringComparison.Ordinal);
        replies = await harness.SayAsync("2/10");
        Assert.Contains("còn 5 ngày", replies[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("z mat bn tien", "Lệ phí")]
    [InlineData("cos maats tieenf khoong", "Lệ phí")]
    [InlineData("can giay to gi", "Giấy tờ")]
    public async Task Another_question_instead_of_the_day_is_answered_about_the_procedure(string question, string expected)
    {
        using var harness = new ConversationHarness();
        await harness.SayAsync("khai sinh còn kịp không");
        var replies = await harness.SayAsync(question);
        Assert.DoesNotContain(replies, reply => reply.Text == DeadlineTexts.Retry);
        Assert.Contains(replies, reply => reply.Text?.Contains(expected, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task In_time_the_answer_offers_a_reminder_and_late_it_does_not()
    {
        using var harness = new ConversationHarness();
        var inTime = await harness.SayAsync("bé sinh ngày 2/10 làm khai sinh còn kịp không");
        Assert.Contains(DeadlineTexts.RemindButton, inTime[^1].SuggestedActions.Actions.Select(a => a.Title));
        var late = await harness.SayAsync("bé sinh ngày 1/9, khai sinh còn kịp không");
        Assert.DoesNotContain(DeadlineTexts.RemindButton, late[^1].SuggestedActions.Actions.Select(a => a.Title));
    }

    private static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Vietnam);
}
