using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Tests.Dossiers;

public sealed class CheckDossierConversationTests : IDisposable
{
    private const string Code = "000.32.30.H49-261126-0001";
    private const string Example = "000.32.30.H49-261120-0012";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static Action<IActivity> WithoutPersonalData => activity =>
    {
        var text = ((IMessageActivity)activity).Text;
        Assert.DoesNotContain("Lan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thôn 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("21", text.Replace(Code, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Trạng thái", text, StringComparison.Ordinal);
    };

    [Theory]
    [InlineData(Code)]
    [InlineData("000.32.30.h49-261126-0001")]
    [InlineData("261126-0001")]
    [InlineData("261126 0001")]
    [InlineData("00032 30H49 2611260001")]
    public async Task The_chat_that_filed_a_dossier_sees_its_details_by_any_typed_form_of_the_code(string typed)
    {
        await harness.Flow().PreRegister()
            .Send("Tra cứu hồ sơ").AssertReplyWithButtons(TextTemplate.Fill(CheckDossierTexts.AskCode, Example), CheckDossierTexts.MyDossiers)
            .Send(typed).AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains($"Hồ sơ {Code}: ", text, StringComparison.Ordinal);
                Assert.Contains("Trạng thái: Đã đăng ký trước.", text, StringComparison.Ordinal);
                Assert.Contains("Ngày hẹn đến nộp: thứ Hai, 30/11/2026.", text, StringComparison.Ordinal);
                // Not received yet: no due date, so nothing about being on time.
                Assert.DoesNotContain("Hẹn trả kết quả", text, StringComparison.Ordinal);
                Assert.Contains(DossierStatus.PreRegistered.Text().NextStep, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Details_show_the_received_day_with_relative_time_and_lateness()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "Cán bộ A", null);
        harness.Time.Advance(TimeSpan.FromDays(5));

        await harness.Flow()
            .Send("tra cứu hồ sơ " + Code).AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("Ngày nhận: thứ Năm, 26/11/2026 (5 ngày trước).", text, StringComparison.Ordinal);
                Assert.Contains("Hẹn trả kết quả: thứ Năm, 26/11/2026. " + DossierDetailTexts.Late, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_ready_result_says_what_to_bring_to_collect_it_and_shows_the_note()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.ResultReady, "Cán bộ A", "Mời anh/chị đến nhận.");

        await harness.Flow()
            .Send(Code).AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("Trạng thái: Đã có kết quả.", text, StringComparison.Ordinal);
                Assert.Contains("Ghi chú của cán bộ: Mời anh/chị đến nhận.", text, StringComparison.Ordinal);
                Assert.Contains(DossierDetailTexts.BringToCollect, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public Task My_dossiers_lists_those_filed_from_this_chat() =>
        // A second draft (another phone): the same draft twice would be one filing.
        harness.Flow().PreRegister().PreRegister(phone: "0987654321", firstInChat: false)
            .Send("hồ sơ của tôi").AssertReplyWithButtons("Anh/chị có 2 hồ sơ:", "000.32.30.H49-261126-0002", Code)
            .Send("000.32.30.H49-261126-0002").AssertReplyContains("Trạng thái: Đã đăng ký trước.")
            .StartTestAsync();

    [Fact]
    public Task My_dossiers_from_a_chat_with_none_offers_to_type_a_code() =>
        harness.Flow()
            .Send("hồ sơ của tôi").AssertReplyContains("Em chưa thấy hồ sơ nào")
            .StartTestAsync();

    [Fact]
    public async Task Another_chat_learns_only_that_the_dossier_exists_until_it_gives_the_phone_digits()
    {
        await harness.Flow().PreRegister().StartTestAsync();

        await Chats.Other(harness, "stranger")
            .Send("tra cứu hồ sơ 261126-0001").AssertReply(TextTemplate.Fill(CheckDossierTexts.FoundAskDigits, Code))
            .Send("abcd").AssertReply(CheckDossierTexts.DigitsRetry)
            .Send("9999").AssertReply(activity =>
            {
                Assert.Equal(CheckDossierTexts.WrongDigits, ((IMessageActivity)activity).Text);
                WithoutPersonalData(activity);
            })
            .Send("5621").AssertReplyContains("Trạng thái: Đã đăng ký trước.")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("261126-001", CheckDossierTexts.Malformed)]
    [InlineData("000.32.30.H49-261199-0001", CheckDossierTexts.Malformed)]
    [InlineData("261126-0999", CheckDossierTexts.NotFound)]
    public Task Malformed_and_unknown_codes_get_an_example_of_the_right_format(string typed, string template) =>
        harness.Flow()
            .Send("Tra cứu hồ sơ").AssertReplyContains("Anh/chị gõ mã hồ sơ")
            .Send(typed).AssertReply(template == CheckDossierTexts.Malformed
                ? TextTemplate.Fill(template, Example)
                : TextTemplate.Fill(template, Code.Replace("0001", "0999", StringComparison.Ordinal), Example))
            .StartTestAsync();

    [Fact]
    public async Task Five_wrong_digits_from_any_chats_lock_the_code_for_a_day_but_not_for_its_owner()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        // Each guess from a new chat: rotating identities does not reset the count, which belongs to the dossier.
        for (var i = 1; i <= 4; i++)
        {
            await Chats.Other(harness, $"guesser-{i}")
                .Send("tra cứu hồ sơ 261126-0001").AssertReplyContains("Em tìm thấy hồ sơ")
                .Send($"000{i}").AssertReply(CheckDossierTexts.WrongDigits)
                .StartTestAsync();
        }
        await Chats.Other(harness, "guesser-5")
            .Send("tra cứu hồ sơ 261126-0001").AssertReplyContains("Em tìm thấy hồ sơ")
            .Send("0005").AssertReplyContains("đang tạm khoá")
            .StartTestAsync();
        // Even the right digits wait now; the owner's own chat still sees the dossier.
        await Chats.Other(harness, "guesser-6")
            .Send("tra cứu hồ sơ 261126-0001")
            .AssertReply(TextTemplate.Fill(CheckDossierTexts.CodeLocked, Code, "09:00 thứ Sáu, 27/11/2026", harness.Office.Phone))
            .StartTestAsync();
        await harness.Flow()
            .Send("tra cứu hồ sơ 261126-0001").AssertReplyContains("Trạng thái: Đã đăng ký trước.")
            .StartTestAsync();

        harness.Time.Advance(TimeSpan.FromDays(1));
        await Chats.Other(harness, "guesser-7")
            .Send("tra cứu hồ sơ 261126-0001").AssertReplyContains("Em tìm thấy hồ sơ")
            .Send("5621").AssertReplyContains("Trạng thái: Đã đăng ký trước.")
            .StartTestAsync();
    }

    [Fact]
    public Task Unknown_codes_count_as_failures_too() =>
        Chats.Other(harness, "guesser")
            .Send("Tra cứu hồ sơ").AssertReplyContains("Anh/chị gõ mã hồ sơ")
            .Send("261126-0101").AssertReplyContains("Em không tìm thấy")
            .Send("261126-0102").AssertReplyContains("Em không tìm thấy")
            .Send("261126-0103").AssertReplyContains("Em không tìm thấy")
            .Send("261126-01").AssertReplyContains("chưa đúng dạng")
            .Send("261126-0105").AssertReplyContains("Em không tìm thấy")
            .Send("261126-0106").AssertReplyContains("thử sai nhiều lần")
            .StartTestAsync();
}
