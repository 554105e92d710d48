using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Reminders;

/// <summary>
/// Each kind of reminder: sent once, in the resident's chat, through the outbox, never outside 07:00–20:00, and
/// stopped by "dừng nhắc". The harness starts on Thursday 26/11/2026, 09:00.
/// </summary>
public sealed class ReminderConversationTests : IDisposable
{
    private const string Code = "000.32.30.H49-261126-0001";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Born 2/10: the free khai sinh ends Tuesday 1/12, so the reminder is due Saturday 28/11 at 07:00.</summary>
    private async Task AskForDeadlineReminderAsync()
    {
        await harness.SayAsync("bé sinh ngày 2/10 làm khai sinh còn kịp không");
        var replies = await harness.SayAsync(DeadlineTexts.RemindButton);
        Assert.StartsWith("Dạ, em sẽ nhắc anh/chị vào thứ Bảy, 28/11/2026, trước hạn 3 ngày.", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_reminder_goes_once_three_days_before_the_last_day_at_seven()
    {
        await AskForDeadlineReminderAsync();
        Assert.Empty(harness.Round());

        harness.At("2026-11-28 06:59");
        Assert.Empty(harness.Round());
        harness.At("2026-11-28 07:00");
        var sent = Assert.Single(harness.Round());
        Assert.Equal(Chats.Channel, sent.To.ChannelId);
        Assert.Equal(Chats.User, sent.To.UserId);
        Assert.Contains("Hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026.", sent.Text, StringComparison.Ordinal);
        Assert.EndsWith(ReminderTexts.HowToStop, sent.Text, StringComparison.Ordinal);

        harness.At("2026-11-28 07:05");
        Assert.Empty(harness.Round());
        // Asking again keeps the one reminder.
        harness.At("2026-11-28 08:00");
        await harness.SayAsync("bé sinh ngày 2/10 làm khai sinh còn kịp không");
        Assert.Equal(ReminderTexts.TooLate, (await harness.SayAsync(DeadlineTexts.RemindButton))[0].Text);
    }

    [Fact]
    public async Task The_same_reminder_asked_twice_is_kept_once()
    {
        await AskForDeadlineReminderAsync();
        await harness.SayAsync("bé sinh ngày 2/10 làm khai sinh còn kịp không");
        Assert.Equal(ReminderTexts.AlreadySet, (await harness.SayAsync(DeadlineTexts.RemindButton))[0].Text);
        harness.At("2026-11-28 07:00");
        Assert.Single(harness.Round());
    }

    [Theory]
    [InlineData("dừng nhắc")]
    [InlineData("thoi nhac")]
    [InlineData("Dừng nhắc.")]
    public async Task One_word_stops_every_waiting_reminder(string stop)
    {
        await AskForDeadlineReminderAsync();
        var replies = await harness.SayAsync(stop);
        Assert.StartsWith("Dạ, em đã dừng 1 tin nhắc.", replies[0].Text, StringComparison.Ordinal);

        harness.At("2026-11-28 07:00");
        Assert.Empty(harness.Round());
    }

    [Fact]
    public async Task Stopping_in_the_middle_of_a_question_stops_reminders_and_keeps_the_question()
    {
        await AskForDeadlineReminderAsync();
        await harness.SayAsync(MainMenu.PreRegister);
        var replies = await harness.SayAsync("dừng nhắc");
        Assert.StartsWith("Dạ, em đã dừng 1 tin nhắc.", replies[0].Text, StringComparison.Ordinal);
        // The name question was not answered with the command; it waits to be taken up again.
        Assert.Null(await harness.Get<OneStopBot.Office.Dossiers.DossierDesk>().FindAsync(Code));
        harness.At("2026-11-28 07:00");
        Assert.Empty(harness.Round());
    }

    [Theory]
    [InlineData("2026-11-28 19:59", "2026-11-28 19:59")]
    [InlineData("2026-11-28 20:00", "2026-11-29 07:00")]
    [InlineData("2026-11-28 23:30", "2026-11-29 07:00")]
    public async Task None_is_sent_outside_seven_to_eight_in_the_evening(string firstRound, string sentAt)
    {
        await AskForDeadlineReminderAsync();
        harness.At(firstRound);
        if (firstRound != sentAt)
        {
            Assert.Empty(harness.Round());
            harness.At(sentAt[..11] + "06:59");
            Assert.Empty(harness.Round());
            harness.At(sentAt);
        }
        Assert.Single(harness.Round());
    }

    [Fact]
    public async Task The_day_before_a_visit_the_resident_is_told_the_day_place_hours_and_papers_once()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        Assert.Empty(harness.Round());

        harness.At("2026-11-29 15:59");
        Assert.Empty(harness.Round());
        harness.At("2026-11-29 16:00");
        var sent = Assert.Single(harness.Round());
        Assert.Contains($"ngày mai, thứ Hai, 30/11/2026, anh/chị hẹn đến nộp hồ sơ {Code}", sent.Text, StringComparison.Ordinal);
        Assert.Contains($"Nơi đến: {harness.Office.OfficeName}. Giờ làm việc: {harness.Office.WorkingHours}.", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Giấy tờ cần mang:\n1. Tờ khai đăng ký khai sinh", sent.Text, StringComparison.Ordinal);
        Assert.Equal([MainMenu.CheckDossier, MainMenu.TalkToStaff], sent.Actions);

        harness.At("2026-11-29 16:10");
        Assert.Empty(harness.Round());
    }

    [Fact]
    public async Task A_visit_already_made_is_not_reminded()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        Assert.Empty(harness.Round());
        harness.At("2026-11-27 10:00");
        Assert.NotNull(await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "Cán bộ Hoa", null));

        harness.At("2026-11-29 16:00");
        Assert.Empty(harness.Round());
    }

    [Fact]
    public async Task A_dossier_waiting_three_working_days_for_papers_is_reminded_of_what_is_missing_once()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        Assert.NotNull(await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "Cán bộ Hoa", null));
        Assert.NotNull(await harness.Get<DossierUpdates>().ChangeStatusAsync(Code, DossierStatus.SupplementRequested, "Cán bộ Hoa", "Thiếu giấy chứng sinh"));

        // Thursday 09:00 + 3 working days (Friday, Monday, Tuesday) = Tuesday 1/12, 09:00.
        harness.At("2026-12-01 08:59");
        Assert.Empty(harness.Round());
        harness.At("2026-12-01 09:00");
        var sent = Assert.Single(harness.Round());
        Assert.Contains($"hồ sơ {Code} (Làm giấy khai sinh cho con) đang chờ anh/chị bổ sung giấy tờ, đã 3 ngày làm việc.", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Cần bổ sung: Thiếu giấy chứng sinh", sent.Text, StringComparison.Ordinal);
        harness.At("2026-12-01 09:30");
        Assert.Empty(harness.Round());
    }

    [Fact]
    public async Task Papers_brought_in_time_stop_the_supplement_reminder()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        Assert.NotNull(await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "Cán bộ Hoa", null));
        Assert.NotNull(await harness.Get<DossierUpdates>().ChangeStatusAsync(Code, DossierStatus.SupplementRequested, "Cán bộ Hoa", "Thiếu giấy chứng sinh"));
        harness.At("2026-11-27 09:00");
        Assert.Empty(harness.Round());
        Assert.NotNull(await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.InProgress, "Cán bộ Hoa", null));

        harness.At("2026-12-01 09:00");
        Assert.Empty(harness.Round());
    }

    [Fact]
    public async Task After_dung_nhac_no_dossier_reminder_is_planned_until_the_resident_asks_for_one()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await harness.SayAsync("dừng nhắc");
        harness.At("2026-11-29 16:00");
        Assert.Empty(harness.Round());
    }
}
