using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Handoff;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;

namespace OneStopBot.Dialogs.Tests.Handoff;

public sealed class TalkToStaffConversationTests : IDisposable
{
    // The harness's own chat is a staff member's; the resident writes from another chat.
    private readonly ConversationHarness harness = new(settings: new Dictionary<string, string?>
    {
        ["Staff:Members:0:Channel"] = Chats.Channel,
        ["Staff:Members:0:UserId"] = Chats.User,
        ["Staff:Members:0:Name"] = "Cán bộ Hoa",
    });

    public void Dispose() => harness.Dispose();

    private string CallInstead => TextTemplate.Fill(TalkToStaffTexts.CallInstead, harness.Office.Phone, harness.Office.WorkingHours);

    private IReadOnlyList<Delivery> Queued() => harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 100);

    private void StaffHasWritten() => harness.Get<HandoffStore>().RememberStaffChat(harness.Adapter.Conversation.ToChatAddress());

    [Theory]
    [InlineData("Gặp cán bộ")]
    [InlineData("cho tôi gặp cán bộ")]
    public async Task Without_a_known_staff_chat_the_resident_gets_the_phone_and_hours(string message)
    {
        await Chats.Other(harness, "resident")
            .Send(message).AssertReplyWithButtons(CallInstead, [.. MainMenu.Items])
            .StartTestAsync();

        Assert.Empty(Queued());
    }

    [Fact]
    public async Task A_question_reaches_staff_with_a_reference_and_the_staff_answer_reaches_the_resident()
    {
        StaffHasWritten();
        string? reference = null;

        await Chats.Other(harness, "resident")
            .Send("Gặp cán bộ").AssertReply(TalkToStaffTexts.AskQuestion)
            .Send(new string('?', NoticeService.MaxTextLength + 1)).AssertReply(TalkToStaffTexts.QuestionRetry)
            .Send("Con tôi sinh ở nhà thì làm khai sinh thế nào?").AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                reference = Assert.Single(harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 10)).Text.Split(' ')[2];
                Assert.Equal(TextTemplate.Fill(TalkToStaffTexts.Forwarded, harness.Office.Phone, harness.Office.WorkingHours, reference), text);
            })
            .StartTestAsync();

        var forward = Assert.Single(Queued());
        Assert.Equal(DeliveryKind.StaffForward, forward.Kind);
        Assert.Equal("user1", forward.To.UserId);
        Assert.Contains("Con tôi sinh ở nhà", forward.Text, StringComparison.Ordinal);
        Assert.Contains($"/traloi {reference} nội dung", forward.Text, StringComparison.Ordinal);

        await harness.Flow()
            .Send($"/traloi {reference!.ToLowerInvariant()} Anh/chị mang giấy chứng sinh đến xã nhé.")
            .AssertReply(TextTemplate.Fill(StaffReplyTexts.Sent, reference))
            .StartTestAsync();

        var answer = Queued().Single(d => d.Kind == DeliveryKind.StaffReply);
        Assert.Equal("resident", answer.To.UserId);
        Assert.EndsWith("Anh/chị mang giấy chứng sinh đến xã nhé.", answer.Text, StringComparison.Ordinal);
        Assert.Equal("Cán bộ Hoa", harness.Get<HandoffStore>().Find(reference)!.AnsweredBy);
    }

    [Theory]
    [InlineData("/traloi", StaffReplyTexts.Usage)]
    [InlineData("/traloi H7K2", StaffReplyTexts.Usage)]
    [InlineData("/traloi ZZZZ Chào anh", "Không tìm thấy câu hỏi mã \"ZZZZ\"")]
    [InlineData("/traloi 😀😀😀😀😀 Chào anh", "Không tìm thấy câu hỏi mã")]
    public async Task A_reply_without_text_or_with_an_unknown_reference_is_explained(string command, string expected)
    {
        await harness.Flow().Send(command).AssertReplyContains(expected).StartTestAsync();

        Assert.Empty(Queued());
    }

    [Fact]
    public Task Residents_cannot_reply_as_staff() =>
        Chats.Other(harness, "resident")
            .Send("/traloi H7K2 xin chào").AssertReplyContains("chỉ dành cho cán bộ")
            .StartTestAsync();
}
