using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Tests.Dossiers;

public sealed partial class PreRegisterConversationTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private DossierDesk Store => harness.Get<DossierDesk>();

    [Fact]
    public async Task A_pre_registration_gets_a_code_of_the_day_and_tells_what_to_bring_and_when()
    {
        await harness.Flow().PreRegister().StartTestAsync();

        var dossier = Assert.Single(await Store.ListByOwnerAsync(Chats.Channel, Chats.User));
        Assert.Matches(CodeShape(), dossier.Code);
        Assert.Equal("000.32.30.H49-261126-0001", dossier.Code);
        Assert.Equal(DossierStatus.PreRegistered, dossier.Status);
        Assert.Equal("khai-sinh", dossier.ProcedureId);
        Assert.Equal("Hồ Thị Lan", dossier.ApplicantName);
        Assert.Equal("0912345621", dossier.Phone);
        Assert.Equal("Thôn 2", dossier.Village);
        Assert.Null(dossier.CitizenId);
        Assert.Equal(new DateOnly(2026, 11, 30), dossier.AppointmentDate);
        // The clock starts when staff receive the complete dossier, not at pre-registration.
        Assert.Null(dossier.DueDate);
        Assert.Equal(Submission.Online, dossier.Submission);
    }

    [Fact]
    public Task The_result_names_the_code_documents_office_hours_and_expected_day() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReply("Nộp hồ sơ trước: Làm giấy khai sinh cho con. Em hỏi vài câu ngắn nhé.")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912 345 621").AssertReplyWithButtons(PreRegisterTexts.AskVillage, [.. harness.Office.Villages])
            .Send("2").AssertReplyContains("ngày nào?")
            .Send("30/11").AssertReplyWithButtons(PreRegisterTexts.AskCitizenId, PreRegisterTexts.Skip)
            .Send("001 234 567 889").AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("Điện thoại: 0912345621", text, StringComparison.Ordinal);
                Assert.Contains("Số căn cước: 0*********89", text, StringComparison.Ordinal);
                Assert.Contains("Thôn: Thôn 2", text, StringComparison.Ordinal);
                Assert.Contains("Ngày đến: thứ Hai, 30/11/2026", text, StringComparison.Ordinal);
                Assert.DoesNotContain("001234567889", text, StringComparison.Ordinal);
            })
            .Send("gui").AssertReply(PreRegisterTexts.Done)
            .AssertReplyContains("Tờ khai đăng ký khai sinh")
            .AssertReply($"Anh/chị đến bộ phận một cửa vào thứ Hai, 30/11/2026. Giờ làm việc: {harness.Office.WorkingHours}.")
            .AssertReply(PreRegisterTexts.CodeFollows)
            .AssertReply("000.32.30.H49-261126-0001")
            .AssertReplyWithButtons("Nếu đủ giấy tờ, ngày dự kiến có kết quả: thứ Hai, 30/11/2026.", MainMenu.CheckDossier, MainMenu.AskProcedure, MainMenu.Subscribe)
            .StartTestAsync();

    [Fact]
    public async Task A_field_can_be_corrected_from_the_summary_and_only_that_field_is_asked_again()
    {
        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReply("Nộp hồ sơ trước: Làm giấy khai sinh cho con. Em hỏi vài câu ngắn nhé.")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("ngày nào?")
            .Send("mai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("bỏ qua").AssertReplyContains("Điện thoại: 0912345621")
            .Send("Sửa").AssertReplyWithButtons(PreRegisterTexts.AskField, "Thủ tục", "Họ tên", "Điện thoại", "Thôn", "Ngày đến", "Số căn cước")
            .Send("Điện thoại").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0987654399").AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("Điện thoại: 0987654399", text, StringComparison.Ordinal);
                Assert.Contains("Họ tên: Hồ Thị Lan", text, StringComparison.Ordinal);
                Assert.Contains("Ngày đến: thứ Sáu, 27/11/2026", text, StringComparison.Ordinal);
            })
            .Send("sua").AssertReplyContains(PreRegisterTexts.AskField)
            .Send("Ngày đến").AssertReplyContains("ngày nào?")
            .Send("thứ tư").AssertReplyContains("Ngày đến: thứ Tư, 02/12/2026")
            .Send("Gửi").AssertReply(PreRegisterTexts.Done)
            .StartTestAsync();

        var dossier = Assert.Single(await Store.ListByOwnerAsync(Chats.Channel, Chats.User));
        Assert.Equal("0987654399", dossier.Phone);
        Assert.Equal(new DateOnly(2026, 12, 2), dossier.AppointmentDate);
    }

    [Theory]
    [InlineData("thứ bảy", "Ngày thứ Bảy, 28/11/2026 xã không làm việc. Anh/chị bấm một ngày làm việc bên dưới nhé.", "thứ Hai 30/11")]
    [InlineData("chủ nhật", "Ngày Chủ nhật, 29/11/2026 xã không làm việc. Anh/chị bấm một ngày làm việc bên dưới nhé.", "thứ Hai 30/11")]
    [InlineData("1/1/2027", "Ngày thứ Sáu, 01/01/2027 là ngày nghỉ (Tết Dương lịch). Anh/chị bấm một ngày làm việc bên dưới nhé.", "thứ Hai 04/01")]
    [InlineData("20/11/2026", PreRegisterTexts.DayInPast, "thứ Năm 26/11")]
    [InlineData("30/6/2027", "Ngày đó xa quá. Anh/chị chọn ngày trong 60 ngày tới, hoặc bấm một ngày bên dưới.", "thứ Năm 26/11")]
    public Task A_day_off_past_or_far_day_is_refused_with_the_reason_and_the_next_working_days(string day, string reason, string firstButton) =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReply("Nộp hồ sơ trước: Làm giấy khai sinh cho con. Em hỏi vài câu ngắn nhé.")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("ngày nào?")
            .Send(day).AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal(reason, message.Text);
                var buttons = message.SuggestedActions.Actions.Select(a => a.Title).ToList();
                // The working days offered, three at a time on a phone.
                Assert.Equal(PreRegisterDialog.DaysOffered > Replies.MaxButtons ? Replies.MaxButtons : PreRegisterDialog.DaysOffered, buttons.Count);
                Assert.Equal(firstButton, buttons[0]);
            })
            .Send(firstButton).AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .StartTestAsync();

    [Theory]
    [InlineData("", "gõ câu hỏi bằng chữ")]
    [InlineData("123", DossierValidationTexts.NameHasDigits)]
    [InlineData("😀😀", DossierValidationTexts.NameHasOther)]
    [InlineData("Lan\u202Eabc", DossierValidationTexts.NameHasOther)]
    [InlineData("<b>Lan</b>", DossierValidationTexts.NameHasOther)]
    public Task A_name_that_is_not_a_name_is_asked_again_with_the_reason(string name, string reason) =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReply("Nộp hồ sơ trước: Làm giấy khai sinh cho con. Em hỏi vài câu ngắn nhé.")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send(name).AssertReplyContains(reason)
            .StartTestAsync();

    [Fact]
    public Task A_bad_phone_and_a_bad_citizen_id_are_asked_again_kindly() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReply("Nộp hồ sơ trước: Làm giấy khai sinh cho con. Em hỏi vài câu ngắn nhé.")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("12345").AssertReplyContains("Số điện thoại chưa đúng")
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn Không Có").AssertReplyContains("bấm một nút")
            .Send("Thôn 6").AssertReplyContains("ngày nào?")
            .Send("mai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("12345").AssertReplyContains("12 chữ số")
            .StartTestAsync();

    [Fact]
    public async Task Cancelling_midway_files_nothing()
    {
        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("huỷ").AssertReplyWithButtons(TextTemplate.Fill(ConfirmCancelTexts.Ask, PreRegisterTexts.Purpose), ConfirmCancelTexts.Stop, ConfirmCancelTexts.GoOn)
            .Send("Dừng").AssertReplyContains("em đã dừng việc đang làm")
            .Send("0912345621").AssertReply(activity => Assert.DoesNotContain(PreRegisterTexts.AskVillage, ((IMessageActivity)activity).Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Empty(await Store.ListByOwnerAsync(Chats.Channel, Chats.User));
    }

    [Fact]
    public Task The_procedure_talked_about_carries_over_and_is_named_first() =>
        harness.Flow()
            .Send("làm giấy khai sinh").SkipReplies(3)
            .Send("Nộp hồ sơ trước").AssertReply("Nộp hồ sơ trước: Làm giấy khai sinh cho con. Em hỏi vài câu ngắn nhé.")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .StartTestAsync();

    [Fact]
    public async Task A_name_typed_in_lower_case_is_shown_title_cased_to_the_resident_and_to_staff()
    {
        await harness.Flow().PreRegisterWithoutOffer(name: "hồ thị lan", shownName: "Hồ Thị Lan").StartTestAsync();

        var kept = (await harness.Get<DossierDesk>().ListByOwnerAsync(Chats.Channel, Chats.User)).Single();
        Assert.Equal("Hồ Thị Lan", kept.ApplicantName);
        // A name kept as typed before names were normalised is shown title-cased too.
        Assert.StartsWith("Người nộp: Hồ Thị Lan,", harness.Get<DossierDetails>().ForStaff(kept with { ApplicantName = "hồ thị lan" })[1], StringComparison.Ordinal);
    }

    [Fact]
    public Task An_unclear_procedure_is_asked_again() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("xyzxyz qwerty").AssertReply(PreRegisterTexts.ProcedureNotFound)
            .AssertReply(PreRegisterTexts.AskProcedure)
            .Send("kết hôn").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.AskName)
            .StartTestAsync();

    [GeneratedRegex(@"^000\.32\.30\.H49-\d{6}-\d{4}$")]
    private static partial Regex CodeShape();

    [Theory]
    [InlineData("thường trú", "Công an xã Phước Đức", "trụ sở Công an xã Phước Đức")]
    [InlineData("đăng ký nghĩa vụ quân sự", "Ban Chỉ huy quân sự xã Phước Đức", "trụ sở Ban Chỉ huy quân sự xã Phước Đức, tại UBND xã")]
    public async Task A_procedure_of_another_receiver_is_pre_registered_to_its_place_and_hours(string procedure, string receiver, string place)
    {
        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send(procedure).AssertReply(activity => Assert.EndsWith(
                TextTemplate.Fill(PreRegisterTexts.OtherReceiver, receiver), ((IMessageActivity)activity).Text, StringComparison.Ordinal))
            .AssertReplyContains(PreRegisterTexts.AskName)
            .Send("Hồ Văn Dũng").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.Summary)
            .Send("Gửi").AssertReply(PreRegisterTexts.Done)
            .AssertReplyContains("Giấy tờ cần mang")
            .AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.StartsWith($"Anh/chị đến {place} vào thứ Hai, 30/11/2026. Giờ làm việc: ", text, StringComparison.Ordinal);
                Assert.DoesNotContain(PreRegisterTexts.Desk, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("đăng ký hộ kinh doanh")]
    [InlineData("xin giấy phép xây dựng")]
    [InlineData("làm sổ đỏ")]
    public async Task A_procedure_whose_receiver_is_not_confirmed_is_not_pre_registered_and_says_where_to_ask(string procedure)
    {
        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send(procedure).AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Contains("chưa rõ nơi nhận hồ sơ", message.Text, StringComparison.Ordinal);
                Assert.Contains(harness.Office.Phone, message.Text, StringComparison.Ordinal);
                Assert.Equal([MainMenu.AskProcedure, MainMenu.TalkToStaff], message.SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("Hồ Văn A").AssertReply(activity => Assert.NotEqual(PreRegisterTexts.AskPhone, ((IMessageActivity)activity).Text))
            .StartTestAsync();
        Assert.Empty(await Store.ListByOwnerAsync(Chats.Channel, Chats.User));
    }
}
