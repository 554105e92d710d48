using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Notices;

public sealed class StaffBroadcastConversationTests : IDisposable
{
    private readonly ConversationHarness harness = new(settings: new Dictionary<string, string?>
    {
        ["Staff:Members:0:Channel"] = Chats.Channel,
        ["Staff:Members:0:UserId"] = Chats.User,
        ["Staff:Members:0:Name"] = "Cán bộ Hoa",
    });

    public StaffBroadcastConversationTests()
    {
        var subscriptions = harness.Get<SubscriptionStore>();
        subscriptions.Subscribe(new ChatAddress("zalo", "a", "c1"), "Thôn 2");
        subscriptions.Subscribe(new ChatAddress("zalo", "b", "c1"), "Thôn 3");
        subscriptions.Subscribe(new ChatAddress("webchat", "c", "c1"), village: null);
    }

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("Thôn 2", "Thôn 2", 2)]
    [InlineData("Tất cả các thôn", null, 3)]
    public async Task A_broadcast_shows_a_preview_with_the_audience_size_and_is_accepted_after_confirming(string answer, string? village, int audience)
    {
        const string Text = "Thứ Hai, 30/11/2026, 8 giờ, họp thôn tại nhà văn hoá.";
        await harness.Flow()
            .Send("/thongbao").AssertReplyWithButtons(StaffBroadcastTexts.AskAudience, [.. harness.Office.Villages, SubscribeTexts.AllVillages])
            .Send(answer).AssertReply(StaffBroadcastTexts.AskText)
            .Send(Text).AssertReply(StaffBroadcastTexts.PreviewHeading)
            .AssertReplyWithButtons(Text, [.. NoticeTexts.Broadcast])
            .AssertReply(TextTemplate.Fill(StaffBroadcastTexts.Confirm, SubscribeDialog.AudienceName(village), audience))
            .Send("Có").AssertReply(TextTemplate.Fill(StaffBroadcastTexts.Accepted, 1))
            .StartTestAsync();

        var notice = harness.Get<NoticeStore>().Get(1)!;
        Assert.Equal(Text, notice.Text);
        Assert.Equal(village, notice.Village);
        Assert.Equal("Cán bộ Hoa", notice.CreatedBy);
        Assert.Equal(Chats.User, notice.ReportTo!.UserId);
        Assert.Equal(audience, harness.Get<NoticeStore>().Progress(1)!.Pending);
    }

    [Theory]
    [InlineData(NoticeService.MaxTextLength + 1, "Nội dung dài 2.001 ký tự, quá giới hạn 2.000 ký tự. Anh/chị vui lòng rút gọn.")]
    [InlineData(100_000, "Nội dung dài 100.000 ký tự, quá giới hạn 2.000 ký tự. Anh/chị vui lòng rút gọn.")]
    public Task A_text_over_the_limit_is_refused_with_its_length(int length, string expected) =>
        harness.Flow()
            .Send("/thongbao").AssertReplyContains(StaffBroadcastTexts.AskAudience)
            .Send("Tất cả các thôn").AssertReply(StaffBroadcastTexts.AskText)
            .Send(new string('a', length)).AssertReply(expected)
            .Send("Ngắn thôi 📢").AssertReply(StaffBroadcastTexts.PreviewHeading)
            .StartTestAsync();

    [Fact]
    public async Task Declining_the_preview_sends_nothing()
    {
        await harness.Flow()
            .Send("/thongbao").AssertReplyContains(StaffBroadcastTexts.AskAudience)
            .Send("Thôn 3").AssertReplyContains(StaffBroadcastTexts.AskText)
            .Send("Mất điện chiều nay").AssertReplyContains(StaffBroadcastTexts.PreviewHeading).AssertReplyContains("Mất điện chiều nay").AssertReplyContains("Gửi ngay?")
            .Send("Không").AssertReply(StaffBroadcastTexts.NotSent)
            .StartTestAsync();

        Assert.Null(harness.Get<NoticeStore>().Get(1));
    }

    [Fact]
    public Task Residents_cannot_broadcast() =>
        Chats.Other(harness, "resident")
            .Send("/thongbao").AssertReply(activity => Assert.Contains("chỉ dành cho cán bộ", ((IMessageActivity)activity).Text, StringComparison.Ordinal))
            .StartTestAsync();
}
