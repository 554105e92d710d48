using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Feedback;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Dialogs.Tests.Notices;

public sealed class ResidentNoticeConversationTests : IDisposable
{
    private const string Code = "000.32.30.H49-261126-0001";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private IReadOnlyList<Delivery> Queued() => harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 100);

    private async Task ChangeAsync(DossierStatus status, string? note = null) =>
        Assert.NotNull(await harness.Get<DossierUpdates>().ChangeStatusAsync(Code, status, "Cán bộ Hoa", note));

    /// <summary>Moves the dossier along the office's path without notifying anyone, as an earlier day's work would.</summary>
    private async Task ReachAsync(params DossierStatus[] path)
    {
        foreach (var status in path)
        {
            Assert.NotNull(await harness.Get<DossierDesk>().ChangeStatusAsync(Code, status, "Cán bộ Hoa", null));
        }
    }

    [Fact]
    public async Task A_status_change_queues_a_plain_message_to_the_chat_that_filed_the_dossier()
    {
        await harness.Flow().PreRegister().StartTestAsync();

        await ReachAsync(DossierStatus.Received);
        await ChangeAsync(DossierStatus.SupplementRequested, "Thiếu giấy chứng sinh");

        var message = Assert.Single(Queued());
        Assert.Equal(DeliveryKind.StatusChange, message.Kind);
        Assert.Equal(Chats.Channel, message.To.ChannelId);
        Assert.Equal(Chats.User, message.To.UserId);
        Assert.Equal(
            $"Hồ sơ {Code} đã chuyển sang: Cần bổ sung giấy tờ.\nHồ sơ còn thiếu hoặc cần sửa giấy tờ.\nCán bộ ghi chú: Thiếu giấy chứng sinh\n"
            + "Anh/chị xem ghi chú của cán bộ rồi mang giấy tờ bổ sung đến xã.\n"
            + $"Nơi đến: {harness.Office.OfficeName}. Giờ làm việc: {harness.Office.WorkingHours}.\nMuốn xem chi tiết, anh/chị bấm \"Tra cứu hồ sơ\".",
            message.Text);
        Assert.Equal([MainMenu.CheckDossier, MainMenu.TalkToStaff], message.Actions);
    }

    [Fact]
    public async Task A_ready_result_says_what_to_bring_and_the_office_hours()
    {
        await harness.Flow().PreRegister().StartTestAsync();

        await ReachAsync(DossierStatus.Received);
        await ChangeAsync(DossierStatus.ResultReady);

        var text = Assert.Single(Queued()).Text;
        Assert.Contains("mang căn cước đến xã", text, StringComparison.Ordinal);
        // A pre-registration in the chat gave no appointment slip: the resident is never told to bring one.
        Assert.DoesNotContain("giấy hẹn", text, StringComparison.Ordinal);
        Assert.Contains($"Nơi đến: {harness.Office.OfficeName}. Giờ làm việc: {harness.Office.WorkingHours}.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_result_and_its_rating_request_are_one_message_status_first_and_desk_dossiers_get_nothing()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        var desk = (await harness.Get<DossierDesk>().ReceiveAsync(
            new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0 }, "desk"));
        await harness.Get<DossierDesk>().ChangeStatusAsync(desk.Code, DossierStatus.ResultReady, "desk", null);

        await ReachAsync(DossierStatus.Received, DossierStatus.ResultReady);
        await ChangeAsync(DossierStatus.ResultReturned);
        await harness.Get<DossierUpdates>().ChangeStatusAsync(desk.Code, DossierStatus.ResultReturned, "desk", null);

        var message = Assert.Single(Queued());
        Assert.Equal(DeliveryKind.RatingRequest, message.Kind);
        Assert.Equal(RatingDialog.ChoiceLabels, message.Actions);
        var lines = message.Text.Split('\n');
        Assert.Equal($"Hồ sơ {Code} đã chuyển sang: Đã trả kết quả.", lines[0]);
        Assert.Contains("hài lòng", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hài lòng", Satisfaction.Satisfied, "Cán bộ nhiệt tình", "Cán bộ nhiệt tình")]
    [InlineData("bình thường", Satisfaction.Neutral, "Bỏ qua", null)]
    [InlineData("Không hài lòng", Satisfaction.Unsatisfied, "Phải chờ lâu 😞", "Phải chờ lâu 😞")]
    public async Task A_rating_button_stores_the_rating_for_the_returned_dossier_then_an_optional_comment(
        string button, Satisfaction score, string comment, string? storedComment)
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await ReachAsync(DossierStatus.Received, DossierStatus.ResultReady);
        await ChangeAsync(DossierStatus.ResultReturned);

        var unhappy = score == Satisfaction.Unsatisfied;
        await harness.Flow()
            .Send(button).AssertReplyWithButtons(unhappy ? RatingTexts.AskWhatWentWrong : RatingTexts.AskComment, RatingTexts.Skip)
            .Send(comment).AssertReplyContains(unhappy ? RatingTexts.SentToStaff : RatingTexts.Thanks)
            .StartTestAsync();

        var rating = Assert.Single(harness.Get<RatingStore>().ForDossier(Code));
        Assert.Equal(score, rating.Score);
        Assert.Equal(storedComment, rating.Comment);
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal((score == Satisfaction.Satisfied ? 1 : 0, 1), harness.Get<ISatisfactionSource>().Count(today, today));
    }

    [Fact]
    public async Task An_unhappy_resident_gets_an_apology_and_what_went_wrong_reaches_staff_masked()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await ReachAsync(DossierStatus.Received, DossierStatus.ResultReady);
        await ChangeAsync(DossierStatus.ResultReturned);

        await harness.Flow()
            .Send("khong hai long").AssertReply(activity => Assert.StartsWith("Em xin lỗi vì", ((IMessageActivity)activity).Text, StringComparison.Ordinal))
            .Send("chờ 2 tiếng, gọi 0912345678 không ai nghe").AssertReplyContains(RatingTexts.SentToStaff)
            .StartTestAsync();

        var staffView = string.Join('\n', harness.Get<DossierDetails>().ForStaff((await harness.Get<DossierDesk>().FindAsync(Code))!));
        Assert.Contains("Người dân đánh giá: Không hài lòng. Góp ý: chờ 2 tiếng, gọi", staffView, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", staffView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unhappy_resident_who_skips_the_question_is_apologised_to_again()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await ReachAsync(DossierStatus.Received, DossierStatus.ResultReady);
        await ChangeAsync(DossierStatus.ResultReturned);

        await harness.Flow()
            .Send("Không hài lòng").AssertReplyWithButtons(RatingTexts.AskWhatWentWrong, RatingTexts.Skip)
            .Send("Bỏ qua").AssertReplyContains(RatingTexts.SorryAgain)
            .StartTestAsync();

        Assert.Contains("Người dân đánh giá: Không hài lòng.", harness.Get<DossierDetails>().ForStaff((await harness.Get<DossierDesk>().FindAsync(Code))!));
    }

    [Fact]
    public async Task An_unasked_rating_is_an_ordinary_message_and_counts_nothing()
    {
        await Chats.Other(harness, "visitor")
            .Send("Không hài lòng").AssertReply(activity => Assert.NotEqual(RatingTexts.AskComment, ((IMessageActivity)activity).Text))
            .StartTestAsync();

        Assert.Equal((0, 0), harness.Get<RatingStore>().CountSatisfaction(DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public async Task A_returned_dossier_is_rated_once_and_a_huge_comment_is_asked_again()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await ReachAsync(DossierStatus.Received, DossierStatus.ResultReady);
        await ChangeAsync(DossierStatus.ResultReturned);

        await harness.Flow()
            .Send("Hài lòng").AssertReplyContains(RatingTexts.AskComment)
            .Send(new string('a', RatingStore.MaxCommentLength + 1)).AssertReplyContains(RatingTexts.CommentRetry)
            .Send("Bỏ qua").AssertReplyContains(RatingTexts.Thanks)
            .Send("Không hài lòng").AssertReply(activity => Assert.NotEqual(RatingTexts.AskComment, ((IMessageActivity)activity).Text))
            .StartTestAsync();

        Assert.Equal((1, 1), harness.Get<RatingStore>().CountSatisfaction(DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Theory]
    [InlineData("Góp ý")]
    [InlineData("tôi muốn góp ý")]
    public async Task Feedback_is_asked_for_kept_and_thanked(string opening)
    {
        await harness.Flow()
            .Send(opening).AssertReply(FeedbackTexts.Ask)
            .Send(new string('x', FeedbackStore.MaxLength + 1)).AssertReply(FeedbackTexts.Retry)
            .Send("  Nên có chỗ để xe 🚲  ").AssertReplyWithButtons(FeedbackTexts.Thanks, [.. MainMenu.Items])
            .StartTestAsync();

        var feedback = Assert.Single(harness.Get<FeedbackStore>().Latest(10));
        Assert.Equal("Nên có chỗ để xe 🚲", feedback.Text);
        Assert.Equal(Chats.User, feedback.UserId);
    }

    [Fact]
    public async Task Feedback_is_kept_with_phone_numbers_masked()
    {
        await harness.Flow()
            .Send("Góp ý").AssertReply(FeedbackTexts.Ask)
            .Send("cán bộ gọi lại số ０９１２*345*678 giúp").AssertReplyWithButtons(FeedbackTexts.Thanks, [.. MainMenu.Items])
            .StartTestAsync();

        Assert.Equal("cán bộ gọi lại số 09******78 giúp", Assert.Single(harness.Get<FeedbackStore>().Latest(10)).Text);
    }

    [Fact]
    public async Task A_rating_button_inside_another_dialog_is_a_rating_and_that_dialog_goes_on()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await ReachAsync(DossierStatus.Received, DossierStatus.ResultReady);
        await ChangeAsync(DossierStatus.ResultReturned);

        await harness.Flow()
            .Send("Góp ý").AssertReply(FeedbackTexts.Ask)
            .Send("Hài lòng").AssertReply(RatingTexts.AskComment)
            .Send("Bỏ qua").AssertReplyContains(RatingTexts.Thanks)
            .AssertReply(FeedbackTexts.Ask)
            .Send("Đường vào xã khó đi").AssertReply(activity => Assert.Equal(FeedbackTexts.Thanks, ((IMessageActivity)activity).Text))
            .StartTestAsync();

        Assert.Equal((1, 1), harness.Get<RatingStore>().CountSatisfaction(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Equal("Đường vào xã khó đi", Assert.Single(harness.Get<FeedbackStore>().Latest(1)).Text);
    }
}
