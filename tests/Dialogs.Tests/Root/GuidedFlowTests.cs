using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>Guided conversations that keep what the resident typed: retries, back, stop, interruptions and drafts.</summary>
public sealed class GuidedFlowTests : IDisposable
{
    private static readonly string Resume = DialogDrafts.ResumeButton(PreRegisterTexts.Purpose);

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static string Text(IActivity activity) => ((IMessageActivity)activity).Text;

    private static string[] Buttons(IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions.Select(a => a.Title).ToArray() ?? [];

    /// <summary>Up to the day question, with a name, a phone and a village given.</summary>
    private TestFlow ToDay(string name = "Hồ Thị Lan") =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").SkipReplies(1).AssertReplyContains(PreRegisterTexts.AskName)
            .Send(name).AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?");

    [Theory]
    [InlineData("Dũng")]
    [InlineData("Huy")]
    [InlineData("Thoát")]
    [InlineData("Nguyễn Văn Dũng")]
    [InlineData("Hồ Thị Mai")]
    public Task A_given_name_that_folds_onto_a_command_is_the_name(string name) =>
        ToDay(name)
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReply(activity => Assert.Contains(PreRegisterTexts.SummaryName + name + "\n", Text(activity), StringComparison.Ordinal))
            .StartTestAsync();

    [Fact]
    public async Task Three_refused_days_keep_the_question_with_working_days_as_buttons_and_the_answers_so_far()
    {
        await ToDay()
            .Send("hôm qua").AssertReply(activity =>
            {
                Assert.Equal(PreRegisterTexts.DayInPast, Text(activity));
                // Five working days, three at a time on a phone.
                Assert.Equal(["thứ Năm 26/11", "thứ Sáu 27/11", "thứ Hai 30/11", Replies.More], Buttons(activity));
            })
            .Send("thứ bảy").AssertReply(activity => Assert.Equal("thứ Hai 30/11", Buttons(activity)[0]))
            .Send("1/1/2027").AssertReply(activity =>
            {
                Assert.Contains("Tết Dương lịch", Text(activity), StringComparison.Ordinal);
                // A person first, so that the page a phone shows has one.
                Assert.Equal([MainMenu.TalkToStaff, "thứ Hai 04/01"], Buttons(activity).Take(2));
            })
            .Send("mai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("ko nho").AssertReply(activity =>
            {
                Assert.Contains(PreRegisterTexts.SummaryName + "Hồ Thị Lan", Text(activity), StringComparison.Ordinal);
                Assert.Contains(PreRegisterTexts.SummaryDay + "thứ Sáu, 27/11/2026", Text(activity), StringComparison.Ordinal);
            })
            .Send("Gửi").AssertReply(PreRegisterTexts.Done)
            .StartTestAsync();

        Assert.Single(await harness.Get<DossierDesk>().ListByOwnerAsync(Chats.Channel, Chats.User));
        Assert.Empty(harness.Get<UnansweredQuestionStore>().Latest(10));
    }

    [Theory]
    [InlineData("ko nho")]
    [InlineData("không có")]
    [InlineData("k nhớ")]
    [InlineData("chưa có số")]
    [InlineData("em quên rồi")]
    public Task The_id_question_takes_a_refusal_as_skip(string answer) =>
        ToDay()
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send(answer).AssertReplyContains(PreRegisterTexts.SummaryCitizenId + PreRegisterTexts.NoCitizenId)
            .StartTestAsync();

    [Fact]
    public Task Unusable_ids_end_with_the_skip_button_and_the_question_stays() =>
        ToDay()
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("123").AssertReplyContains("12 chữ số")
            .Send("abc").AssertReplyContains("12 chữ số")
            .Send("???").AssertReply(activity => Assert.Equal([PreRegisterTexts.Skip, MainMenu.TalkToStaff], Buttons(activity)))
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.Summary)
            .StartTestAsync();

    [Fact]
    public async Task The_example_day_is_computed_from_today()
    {
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await ToDay().StartTestAsync();
        await harness.Flow()
            .Send("quay lại").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReply("Anh/chị muốn đến xã nộp hồ sơ ngày nào? Ví dụ: mai, thứ hai, 03/12.")
            .Send("03/12").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hôm nay không được, mai nhé", "thứ Sáu, 27/11/2026")]
    [InlineData("thứ hai bận, thứ ba được", "thứ Ba, 01/12/2026")]
    [InlineData("hom nay ko dc nhung mai dc", "thứ Sáu, 27/11/2026")]
    [InlineData("mai nhé", "thứ Sáu, 27/11/2026")]
    public Task A_refused_day_in_the_sentence_is_not_picked(string answer, string day) =>
        ToDay()
            .Send(answer).AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.SummaryDay + day)
            .StartTestAsync();

    [Theory]
    [InlineData("Nguyễn Thị Mai")]
    [InlineData("nguyen thi mai")]
    [InlineData("Mai Văn Tâm")]
    public Task A_name_with_mai_at_the_day_question_is_not_tomorrow(string answer) =>
        ToDay()
            .Send(answer).AssertReply(activity => Assert.DoesNotContain(PreRegisterTexts.AskCitizenId, Text(activity), StringComparison.Ordinal))
            .StartTestAsync();

    [Fact]
    public Task Back_goes_one_question_back_and_keeps_the_other_answers() =>
        ToDay()
            .Send("quay lại").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("quay lai").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0987654321").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReply(activity =>
            {
                Assert.Contains(PreRegisterTexts.SummaryName + "Hồ Thị Lan", Text(activity), StringComparison.Ordinal);
                Assert.Contains(PreRegisterTexts.SummaryPhone + "0987654321", Text(activity), StringComparison.Ordinal);
                Assert.Contains(PreRegisterTexts.SummaryVillage + "Thôn 3", Text(activity), StringComparison.Ordinal);
            })
            .StartTestAsync();

    [Fact]
    public Task Stop_after_answers_asks_first_and_going_on_keeps_them() =>
        ToDay()
            .Send("huỷ").AssertReplyWithButtons("Anh/chị muốn dừng việc nộp hồ sơ?", ConfirmCancelTexts.Stop, ConfirmCancelTexts.GoOn)
            .Send("Làm tiếp").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.SummaryName + "Hồ Thị Lan")
            .StartTestAsync();

    [Fact]
    public Task A_stop_word_without_diacritics_at_a_free_text_question_is_its_answer_after_going_on() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("thoi").AssertReplyContains("Anh/chị muốn dừng việc nộp hồ sơ?")
            .Send("không").AssertReply(activity => Assert.DoesNotContain("đã dừng", Text(activity), StringComparison.Ordinal))
            .StartTestAsync();

    [Fact]
    public Task A_person_in_the_middle_then_the_draft_is_offered_back_where_it_was() =>
        ToDay()
            .Send("gặp cán bộ").AssertReplyContains("gọi")
            .AssertReplyWithButtons("Anh/chị đang nộp hồ sơ dở", Resume, MainMenu.AskProcedure)
            .Send(Resume).AssertReply(DraftTexts.Resumed).AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .StartTestAsync();

    [Fact]
    public async Task The_draft_is_kept_for_a_day_and_more_and_not_forever()
    {
        await ToDay().Send("menu").AssertReply(RootTexts.Menu).AssertReplyContains("dở").StartTestAsync();
        harness.Time.Advance(TimeSpan.FromHours(25));
        await harness.Flow().Send("tiếp tục").AssertReply(DraftTexts.Resumed).AssertReplyContains("ngày nào?")
            .Send("trang chủ").AssertReply(RootTexts.Menu).AssertReplyContains("dở")
            .StartTestAsync();
        harness.Time.Advance(DialogDrafts.KeepFor + TimeSpan.FromHours(1));
        await harness.Flow().Send(Resume).AssertReply(activity => Assert.NotEqual(DraftTexts.Resumed, Text(activity))).StartTestAsync();
    }

    [Fact]
    public Task A_status_lookup_in_the_middle_runs_then_the_draft_is_offered() =>
        ToDay()
            .Send("hồ sơ 261126-0099 xong chưa").AssertReplyContains("Em không tìm thấy hồ sơ mã 000.32.30.H49-261126-0099")
            .Send("Hồ sơ của tôi").AssertReplyContains("Em chưa thấy hồ sơ nào")
            .StartTestAsync();

    [Fact]
    public async Task A_rating_inside_the_pre_registration_is_a_rating_and_the_question_comes_back()
    {
        // An earlier dossier of this chat has been returned, so its rating request is waiting.
        await harness.Flow().PreRegister().StartTestAsync();
        var code = Assert.Single(await harness.Get<DossierDesk>().ListByOwnerAsync(Chats.Channel, Chats.User)).Code;
        foreach (var status in new[] { DossierStatus.Received, DossierStatus.ResultReady, DossierStatus.ResultReturned })
        {
            Assert.NotNull(await harness.Get<DossierDesk>().ChangeStatusAsync(code, status, "Cán bộ Hoa", null));
        }

        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").SkipReplies(1).AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hài lòng").AssertReply(RatingTexts.AskComment)
            .Send("Bỏ qua").AssertReplyContains(RatingTexts.Thanks).AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .StartTestAsync();
    }

    [Fact]
    public Task A_rating_word_with_no_rating_request_waiting_is_no_rating() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").SkipReplies(1).AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hài lòng").AssertReply(activity => Assert.NotEqual(RatingTexts.AskComment, ((IMessageActivity)activity).Text))
            .StartTestAsync();

    [Fact]
    public async Task Messages_that_are_not_codes_at_the_code_question_are_handled_and_never_lock_the_chat_out()
    {
        var flow = harness.Flow();
        for (var i = 0; i < 6; i++)
        {
            flow = flow.Send("Tra cứu hồ sơ").AssertReplyContains("Anh/chị gõ mã hồ sơ")
                .Send("xin chào").AssertReply(activity =>
                {
                    Assert.DoesNotContain("chưa đúng dạng", Text(activity), StringComparison.Ordinal);
                    Assert.Contains("Chào anh/chị", Text(activity), StringComparison.Ordinal);
                });
        }
        await flow.Send("Tra cứu hồ sơ").AssertReplyContains("Anh/chị gõ mã hồ sơ")
            .Send("ho so 000.32.30.H49-261126-0099").AssertReplyContains("Em không tìm thấy hồ sơ mã 000.32.30.H49-261126-0099")
            .StartTestAsync();
    }

    [Fact]
    public Task A_main_menu_request_inside_a_question_starts_that_feature() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("tra cứu hồ sơ").AssertReplyContains("Anh/chị gõ mã hồ sơ")
            .StartTestAsync();

    [Fact]
    public Task Pre_registration_asked_for_inside_the_day_question_starts_afresh_and_the_first_is_offered_back() =>
        ToDay()
            .Send("nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("huỷ").AssertReplyContains("em đã dừng việc đang làm").AssertReplyContains("Anh/chị đang nộp hồ sơ dở")
            .Send(Resume).AssertReply(DraftTexts.Resumed).AssertReplyContains("ngày nào?")
            .StartTestAsync();
}
