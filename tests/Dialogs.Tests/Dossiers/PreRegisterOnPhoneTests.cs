using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Tests.Dossiers;

/// <summary>Pre-registration as it reads on a small phone: the code on its own, the resident's own number, names without marks.</summary>
public sealed class PreRegisterOnPhoneTests : IDisposable
{
    private const string Code = "000.32.30.H49-261126-0001";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static string Text(IActivity activity) => ((IMessageActivity)activity).Text;

    /// <summary>Up to the name question.</summary>
    private TestFlow UpToName() =>
        harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(PreRegisterTexts.AskName);

    [Fact]
    public Task The_code_comes_alone_in_its_own_message_after_the_papers_just_above_the_last_one() =>
        UpToName()
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.Summary)
            .Send("Gửi").AssertReply(PreRegisterTexts.Done)
            .AssertReplyContains("Giấy tờ cần mang:")
            .AssertReplyContains("Anh/chị đến bộ phận một cửa")
            .AssertReply(PreRegisterTexts.CodeFollows)
            .AssertReply(activity =>
            {
                Assert.Equal(Code, Text(activity));
                Assert.Null(((IMessageActivity)activity).SuggestedActions);
            })
            .AssertReplyContains("ngày dự kiến có kết quả")
            .StartTestAsync();

    [Fact]
    public Task The_summary_shows_the_resident_their_own_phone_number_in_full_and_marks_it_for_masking_where_kept() =>
        UpToName()
            .Send("Hồ Thị Lan").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912 345 621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("001 234 567 889").AssertReply(activity =>
            {
                Assert.Contains("Điện thoại: 0912345621", Text(activity), StringComparison.Ordinal);
                Assert.DoesNotContain("09******21", Text(activity), StringComparison.Ordinal);
                // The ID number is not what the resident is asked to check: it stays masked.
                Assert.Contains("Số căn cước: 0*********89", Text(activity), StringComparison.Ordinal);
                Assert.True(Replies.ShowsOwnNumbers(JObject.FromObject(activity)));
            })
            // A message that does not show it is not marked.
            .Send("xyz").AssertReply(activity => Assert.False(Replies.ShowsOwnNumbers(JObject.FromObject(activity))))
            .StartTestAsync();

    [Theory]
    // typed, button, what is asked next, the name kept
    [InlineData("nguyen van an", PreRegisterTexts.KeepName, PreRegisterTexts.AskPhone, "Nguyen Van An")]
    [InlineData("Y Blen Nie", "1", PreRegisterTexts.AskPhone, "Y Blen Nie")]
    [InlineData("nguyen van an", PreRegisterTexts.RetypeName, PreRegisterTexts.AskNameWithMarks, null)]
    [InlineData("nguyen van an", "2", PreRegisterTexts.AskNameWithMarks, null)]
    [InlineData("nguyen van an", "giu nguyen", PreRegisterTexts.AskPhone, "Nguyen Van An")]
    // The name typed again, with its marks, instead of pressing a button: taken, even where it shares a word with one.
    [InlineData("nguyen van an", "Nguyễn Văn An", PreRegisterTexts.AskPhone, "Nguyễn Văn An")]
    [InlineData("pham thi nguyen", "Phạm Thị Nguyên", PreRegisterTexts.AskPhone, "Phạm Thị Nguyên")]
    // ... or typed again as before: taken as typed, not asked about again.
    [InlineData("nguyen van an", "nguyen van anh", PreRegisterTexts.AskPhone, "Nguyen Van Anh")]
    public async Task A_name_without_marks_is_asked_about_once_keep_it_or_type_it_again(string typed, string answer, string next, string? kept)
    {
        await UpToName()
            .Send(typed).AssertReplyWithButtons(
                TextTemplate.Fill(PreRegisterTexts.NameWithoutMarks, DossierValidation.TryNormalizeName(typed, out var shown) ? shown : typed),
                PreRegisterTexts.KeepName, PreRegisterTexts.RetypeName)
            .Send(answer).AssertReply(next)
            .StartTestAsync();

        if (kept is null)
        {
            return;
        }
        await harness.Flow()
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.SummaryName + kept)
            .StartTestAsync();
    }

    [Fact]
    public Task Neither_a_button_nor_a_name_is_asked_again_with_both_ways_to_answer() =>
        UpToName()
            .Send("nguyen van an").AssertReplyContains("chưa có dấu")
            .Send("???").AssertReplyWithButtons(PreRegisterTexts.NameMarksRetry, PreRegisterTexts.KeepName, PreRegisterTexts.RetypeName)
            .Send(PreRegisterTexts.KeepName).AssertReply(PreRegisterTexts.AskPhone)
            .StartTestAsync();

    [Fact]
    public Task Typed_again_still_without_marks_the_name_is_taken_not_asked_about_again() =>
        UpToName()
            .Send("nguyen van an").AssertReplyContains("chưa có dấu")
            .Send(PreRegisterTexts.RetypeName).AssertReply(PreRegisterTexts.AskNameWithMarks)
            .Send("nguyen van an").AssertReply(PreRegisterTexts.AskPhone)
            .Send("0912345621").AssertReplyContains(PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(PreRegisterTexts.SummaryName + "Nguyen Van An")
            // Corrected from the summary, the name is not asked about again either.
            .Send("Sửa").AssertReplyContains(PreRegisterTexts.AskField)
            .Send("Họ tên").AssertReplyContains("họ và tên")
            .Send("le thi hoa").AssertReplyContains(PreRegisterTexts.SummaryName + "Le Thi Hoa")
            .StartTestAsync();

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Đinh Thị Mơ")]
    public Task A_name_with_marks_goes_straight_on(string name) =>
        UpToName()
            .Send(name).AssertReply(PreRegisterTexts.AskPhone)
            .StartTestAsync();
}
