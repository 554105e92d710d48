using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Dialogs.Tests.Reminders;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Reminders;

namespace OneStopBot.Dialogs.Tests.Security;

/// <summary>Another resident tries to stop, take over or read a resident's reminders from their own chat.</summary>
public sealed class ReminderAttackTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static readonly ChatAddress Victim = new(Chats.Channel, Chats.User, "harness");

    [Fact]
    public async Task Dung_nhac_from_another_chat_leaves_the_residents_reminder()
    {
        await harness.SayAsync("bé sinh ngày 2/10 làm khai sinh còn kịp không");
        await harness.SayAsync(DeadlineTexts.RemindButton);

        await Chats.Other(harness, "user2")
            .Send("dừng nhắc").AssertReplyContains(ReminderTexts.StoppedNone)
            .Send("thoi nhac").AssertReplyContains(ReminderTexts.StoppedNone)
            .StartTestAsync();

        harness.At("2026-11-28 07:00");
        var sent = Assert.Single(harness.Round());
        Assert.Equal(Chats.User, sent.To.UserId);
    }

    [Fact]
    public async Task The_remind_button_from_another_chat_schedules_nothing_for_it_or_for_the_resident()
    {
        await harness.SayAsync("bé sinh ngày 2/10 làm khai sinh còn kịp không");

        await Chats.Other(harness, "user2")
            .Send(DeadlineTexts.RemindButton).AssertReplyContains(ReminderTexts.NothingToRemind)
            .StartTestAsync();

        var store = harness.Get<ReminderStore>();
        Assert.Empty(store.Of(Victim));
        Assert.Empty(store.Of(new ChatAddress(Chats.Channel, "user2", "chat-user2")));
    }

    [Fact]
    public async Task A_dossier_reminder_goes_only_to_the_chat_that_filed_it()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        // Another chat that knows the code and asks about the same procedure gets no reminder of that dossier.
        await Chats.Other(harness, "user2").Send("tra cứu hồ sơ 000.32.30.H49-261126-0001").AssertReply(reply => Assert.StartsWith("Em tìm thấy hồ sơ mã ", reply.AsMessageActivity().Text, StringComparison.Ordinal)).StartTestAsync();

        harness.At("2026-11-29 16:00");
        var sent = Assert.Single(harness.Round());
        Assert.Equal(Chats.User, sent.To.UserId);
        Assert.Empty(harness.Get<ReminderStore>().Of(new ChatAddress(Chats.Channel, "user2", "chat-user2")));
    }

    [Fact]
    public void A_stop_names_the_chat_by_channel_and_user_so_a_case_trick_on_the_channel_is_the_same_chat()
    {
        // Channel ids compare in any case (ChatAddress.IsSameChat): "TEST" is the same chat, a different user is not.
        var store = harness.Get<ReminderStore>();
        Assert.Equal(ReminderStore.OwnerOf(Victim), ReminderStore.OwnerOf(Victim with { ChannelId = "TEST" }));
        Assert.NotEqual(ReminderStore.OwnerOf(Victim), ReminderStore.OwnerOf(Victim with { UserId = Chats.User + " " }));
        Assert.Equal(0, store.Stop(new ChatAddress(Chats.Channel, "user2", "c")));
    }
}
