using OneStopBot.Dialogs.Feedback;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>
/// Nothing falls out of a conversation: each row is what a resident types, turn by turn ("|" between turns), a text
/// the replies to the last turn must hold, and one they must not.
/// </summary>
public sealed class StayInConversationTests : IDisposable
{
    private const string NotFound = "chưa tìm thấy thủ tục";
    private const string PressAButton = "vui lòng bấm một nút";
    private const string Welcome = "Em là trợ lý";
    private const string ChitChat = "em chỉ giúp được";
    private const string Thanks = "không có chi";
    private const string RemarkKept = "ghi lại ý kiến";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string, string> Rows => new()
    {
        // Thanks and goodbye close politely, without the greeting again.
        { "đăng ký khai sinh cho con | cảm ơn em nhiều nha", "không có chi", Welcome },
        { "đăng ký kết hôn | tạm biệt nhé", "không có chi", Welcome },
        { "đăng ký kết hôn | ok em cảm ơn nhiều nghen", "không có chi", "Lệ phí" },
        { "lam giay khai tu cho ba | ok tks nha", "không có chi", Welcome },
        // A death told in passing: condolences first, then how to register it.
        { "ba tui mới mất hôm qua", "chia buồn", NotFound },
        { "chung thuc ban sao | me tui vua qua doi", "chia buồn", NotFound },
        // "Yes" after an answer keeps the procedure.
        { "lam giay khai tu cho ba | uh dung roi", "khai tử", "em chỉ giúp được" },
        // Follow-ups the old word lists missed stay on the procedure in context.
        { "đăng ký khai sinh cho con | de lau roi gio lam dc ko", "60 ngày", NotFound },
        { "lam giay khai tu cho ba | may ngay phai di bao", "15 ngày", NotFound },
        { "khiếu nại quyết định của xã | con han khieu nai ko", "90 ngày", NotFound },
        { "đăng ký nghĩa vụ quân sự | con tui mười bảy tuổi phải đi chưa", "17 tuổi", NotFound },
        { "đăng ký khai sinh cho con | ủa rứa là răng hè", "Làm giấy khai sinh cho con", NotFound },
        // Office hours asked after a procedure are the hours of whoever receives it.
        { "đăng ký khai sinh cho con | sáng thứ bảy có ai làm không", "Giờ làm việc", NotFound },
        // Goodbye in any form closes politely, even with nothing talked about yet.
        { "bye", "không có chi", Welcome },
        { "đăng ký tạm trú | bye nha em", "không có chi", Welcome },
        { "lam so do lan dau | tam biet nghe", "không có chi", Welcome },
        { "CẢM ƠN EM NHIỀU", "không có chi", Welcome },
        // A death told in passing, without diacritics or in dialect.
        { "ba tui mat roi", "chia buồn", NotFound },
        { "mạ tui mới mất tuần rồi, chừ làm răng", "chia buồn", NotFound },
        // The deadline is the procedure's own, not its processing time.
        { "bao nhieu ngay phai di khai tu", "15 ngày", "Xong trong ngày" },
        { "lam giay khai tu | nguoi nha mat thi trong bao lau phai bao", "15 ngày", "Xong trong ngày" },
        { "sinh con bao lâu thì phải đi làm khai sinh", "60 ngày", NotFound },
        { "khiếu nại quyết định của xã | hạn khiếu nại mấy ngày", "90 ngày", "Thời gian" },
        // Who qualifies is answered from whoQualifies when the message asks it.
        { "xin trợ cấp xã hội cho mẹ già | ai thì được hưởng", "Ai được làm", NotFound },
        { "ba toi 82 tuoi song mot minh, co dc tro cap ko", "Ai được làm: Người thuộc diện bảo trợ xã hội", "Giấy tờ cần mang" },
        { "me tui 85 tuoi o mot minh co duoc huong tien hang thang khong", "Ai được làm: Người thuộc diện bảo trợ xã hội", NotFound },
        { "nha tui ngheo lam co duoc xet ho ngheo khong", "Ai được làm: Hộ gia đình được xét theo chuẩn nghèo", NotFound },
        // "còn … thì sao" after an aspect asks the same of the procedure it names, announced as a new topic.
        { "đăng ký khai sinh cho con | lệ phí bao nhiêu | con ket hon thi sao", "bây giờ em trả lời về thủ tục: Đăng ký kết hôn", NotFound },
        { "đăng ký khai sinh cho con | lệ phí bao nhiêu | con ket hon thi sao", "Lệ phí", "Giấy tờ cần mang" },
        // A second procedure named in a follow-up is answered, never the first one's facts.
        { "đăng ký khai sinh cho con | con lam can cuoc cho con thi mat bao lau", "Làm thẻ căn cước", "Làm giấy khai sinh cho con" },
        // A status question that names a procedure is a status question.
        { "đăng ký kết hôn | ho so ket hon cua tui nop hom bua chu xong chua", "mã hồ sơ", NotFound },
        // "dung" after an answer is "đúng": the same procedure again, not "nothing to stop".
        { "lam giay khai tu cho ba | dung", "Làm giấy khai tử", "Anh/chị cần gì thì bấm nút" },
        // A short greeting once a procedure was answered takes leave politely.
        { "đăng ký kết hôn | chào em nha", "không có chi", Welcome },
        // A death told in passing with a question gets condolences and the answer.
        { "bà ngoại tui vừa qua đời hôm kia, lo đám xong rồi mới đi khai có sao không", "chia buồn", NotFound },
        // Stopping after an answer closes politely; nothing falls out.
        { "đăng ký kết hôn | thoi khong hoi nua", "dừng", NotFound },
        // Small talk, a goodbye or a remark read with little confidence is a question about the procedure in context.
        { "đăng ký tạm trú | cầng dấy dì hè", "Đăng ký tạm trú", ChitChat },
        { "đăng ký kết hôn | tốn nhiu", "Lệ phí", Thanks },
        // A remark put as a question ("… hay …", "… hả") is answered; a plain remark is thanked and kept.
        { "đăng ký tạm trú | nộp bên xã hay bên công an huyện", "Nộp ở đâu", RemarkKept },
        { "đăng ký thường trú | đi xã hay đi công an", "Nộp ở đâu", RemarkKept },
        { "đăng ký khai sinh cho con | cán bộ xã làm việc chậm quá", RemarkKept, "Nộp ở đâu" },
        { "đăng ký tạm trú | hehe", ChitChat, "Đăng ký tạm trú" },
        // How long it takes and how long the resident has are both said where both are written.
        { "làm giấy khai tử cho ông | mất bao lâu thì xong", "Hạn phải làm: Trong 15 ngày", NotFound },
        // A deadline asked where none is written says so, and gives the time it takes.
        { "đăng ký kết hôn | phải làm trong hạn mấy ngày", "Thời gian", NotFound },
        // Another agency's procedure: where to go, and the office's phone for more.
        { "làm phiếu lý lịch tư pháp ở đâu vậy em", "Sở Tư pháp", "Giấy tờ cần mang" },
        { "làm phiếu lý lịch tư pháp ở đâu vậy em", "3812 345", "Giấy tờ cần mang" },
        // The procedure in context asked about again with what happened: the likeliest aspect, not the first answer again.
        { "làm giấy khai tử cho ông | bà tui mất ở trên huyện thì khai tử ở mô", "Nộp ở đâu", "Giấy tờ cần mang" },
        { "làm giấy khai tử cho ông | làm giấy khai tử cho ba", "Giấy tờ cần mang", NotFound },
        // Who may go instead is answered from the file: a signature is signed in person, both sides come to nhận cha, mẹ, con.
        { "chứng thực chữ ký | nhờ vợ đi ký giùm được không", "ký trước mặt cán bộ", NotFound },
        { "đăng ký nhận cha mẹ con | nhờ người khác đi làm thay được không", "phải có mặt", NotFound },
        // Where the receiver is not confirmed, where to ask and where to file online.
        { "đăng ký hộ kinh doanh | nộp ở đâu", "dichvucong.gov.vn", NotFound },
        // A status question that names a procedure keeps it in context for what follows.
        { "hồ sơ kết hôn của tui nộp hôm thứ hai xong chưa | thường thì mấy ngày có", "Đăng ký kết hôn (làm giấy hôn thú). Thời gian", NotFound },
        // What happened is told first and the question asked last: the last sentence, or what follows "thì", says what is asked.
        { "Nhà tui mới bị lũ cuốn mất hết giấy tờ, có cả giấy kết hôn. Giờ xin bản sao ở mô?", "Nộp ở đâu", "Giấy tờ cần mang" },
        { "đăng ký kết hôn | vợ tui chưa có giấy xác nhận độc thân thì xin chỗ nào", "Giấy xác nhận độc thân. Nộp ở đâu", "Giấy tờ cần mang" },
        { "đăng ký kết hôn | chồng tui chưa có giấy xác nhận độc thân, lên chỗ nào xin", "Giấy xác nhận độc thân. Nộp ở đâu", "Giấy tờ cần mang" },
        // Dialect and voice typing that only sound like another procedure's name ("rứa" read "thế", "đi chực") keep the topic.
        { "làm giấy khai tử | rứa mất mấy ngày", "Làm giấy khai tử khi người nhà mất. Thời gian", "bảo hiểm y tế" },
        { "làm thẻ căn cước | có phải đi chực tiếp không", "Làm thẻ căn cước", "di chúc" },
        // The office's hours asked like a dossier's status, after a procedure, are its receiver's hours.
        { "đăng ký tạm trú | 11 giờ trưa lên còn ai nhận hồ sơ không", "Giờ làm việc", "mã hồ sơ" },
        { "mười một giờ rưỡi còn ai nhận hồ sơ không", "Giờ làm việc", "mã hồ sơ" },
        // A day named with the office's hours is answered from the office's calendar: a public holiday, a weekend, a working day.
        { "mùng 2/9 lên xã nộp giấy được không, hay nghỉ lễ", "là ngày lễ (Quốc khánh), bộ phận một cửa nghỉ", "làm việc bình thường" },
        { "xã có làm việc ngày chủ nhật không", "là ngày nghỉ, bộ phận một cửa không làm việc", "làm việc bình thường" },
        { "thứ ba tuần sau xã có mở cửa không", "bộ phận một cửa làm việc bình thường", "ngày nghỉ" },
        // The hours of a same-day procedure say when to come to have it the same day; a longer one's do not.
        { "chứng thực bản sao | 4 giờ chiều mới lên được, có kịp không", "Nộp trước 15 giờ thì nhận kết quả trong ngày", NotFound },
        { "đăng ký thường trú | mấy giờ xã mở cửa", "Giờ làm việc của Công an xã", "15 giờ" },
        // Thanks where a question waits for a button, and a short greeting once the bot has answered anything, close politely.
        { "cho tui nhận thông báo của xã | cám ơn em nha", Thanks, PressAButton },
        { "cán bộ một cửa làm việc chu đáo lắm | chào em nhé", Thanks, Welcome },
        { "chào em", Welcome, Thanks },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_last_turn_stays_in_the_conversation(string turns, string expected, string forbidden)
    {
        var replies = new List<string>();
        foreach (var turn in turns.Split(" | "))
        {
            replies = [.. (await harness.SayAsync(turn)).Select(r => harness.Plain(r.Text))];
        }

        var text = string.Join('\n', replies);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("uh dung roi")]
    [InlineData("can mang giay chi")]
    [InlineData("phải")]
    [InlineData("dung")]
    [InlineData("het bao nhieu tien")]
    [InlineData("ĐÚNG RỒI")]
    public async Task A_typed_answer_to_a_guess_is_understood_not_refused(string typed)
    {
        // "giấy chứng nhận" names a family of papers: the bot guesses, with buttons.
        var guess = await harness.SayAsync("giấy chứng nhận");
        Assert.StartsWith("Có phải", guess[0].Text, StringComparison.Ordinal);

        var text = string.Join('\n', (await harness.SayAsync(typed)).Select(r => harness.Plain(r.Text)));

        Assert.DoesNotContain(PressAButton, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(NotFound, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(harness.Get<ProcedureCatalog>().All, procedure => text.Contains(procedure.SimpleName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guess_names_the_likeliest_and_a_typed_yes_takes_it()
    {
        // "giấy chứng nhận" names a family of papers: the likeliest is named in the question, the others are buttons.
        var guess = await harness.SayAsync("giấy chứng nhận");
        var named = Assert.Single(harness.Get<ProcedureCatalog>().All, procedure => guess[0].Text.StartsWith($"Có phải anh/chị hỏi về: {procedure.SimpleName}?", StringComparison.Ordinal));
        Assert.Contains(guess[0].SuggestedActions.Actions, action => action.Title.EndsWith(named.SimpleName, StringComparison.Ordinal));

        var text = string.Join('\n', (await harness.SayAsync("đúng rồi")).Select(r => harness.Plain(r.Text)));

        Assert.StartsWith(named.SimpleName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PressAButton, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_remark_put_as_a_question_is_answered_and_kept_as_a_question_not_as_feedback()
    {
        await harness.SayAsync("đăng ký tạm trú");

        await harness.SayAsync("nộp bên xã hay bên công an huyện");

        Assert.Equal("nộp bên xã hay bên công an huyện", Assert.Single(harness.Get<UnansweredQuestionStore>().Latest(10)).Text);
        Assert.Empty(harness.Get<IFeedbackStore>().Latest(10));
    }

    [Theory]
    [InlineData("thoi khoi, de bua khac")]
    [InlineData("thoi khong hoi nua")]
    public async Task Stopping_after_a_guess_closes_politely_and_keeps_nothing_for_staff(string typed)
    {
        await harness.SayAsync("giấy chứng nhận");

        var replies = await harness.SayAsync(typed);

        Assert.Contains(replies, r => r.Text.Contains("dừng", StringComparison.Ordinal));
        Assert.Empty(harness.Get<UnansweredQuestionStore>().Latest(10));
    }

    /// <summary>After "Có phải anh/chị hỏi về …?": what is typed, and a text the answer must hold.</summary>
    [Theory]
    [InlineData("cảm ơn em nhiều", "không có chi")]
    [InlineData("tạm biệt", "không có chi")]
    [InlineData("khong, tui hoi dang ky ket hon", "Đăng ký kết hôn")]
    [InlineData("ko phai", "ghi lại câu hỏi")]
    [InlineData("thôi, cho tui tra cứu hồ sơ nộp hôm trước coi tới đâu rồi", "mã hồ sơ")]
    public async Task A_typed_answer_to_a_guess_is_read_anew(string typed, string expected)
    {
        var guess = await harness.SayAsync("giấy chứng nhận");
        Assert.StartsWith("Có phải", guess[0].Text, StringComparison.Ordinal);

        var text = string.Join('\n', (await harness.SayAsync(typed)).Select(r => harness.Plain(r.Text)));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PressAButton, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Welcome, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can bo xa lam nhanh qua, tui rat hai long")]
    [InlineData("chờ cả buổi mà không ai tiếp, bực mình")]
    public async Task Praise_and_complaints_are_thanked_and_kept_for_staff(string remark)
    {
        var replies = await harness.SayAsync(remark);

        Assert.Equal(FeedbackTexts.RemarkKept, Assert.Single(replies).Text);
        Assert.Equal(remark, Assert.Single(harness.Get<IFeedbackStore>().Latest(10)).Text);
    }

    [Fact]
    public async Task Asking_to_give_feedback_asks_for_it()
    {
        var replies = await harness.SayAsync("tôi muốn góp ý");

        Assert.Equal(FeedbackTexts.Ask, Assert.Single(replies).Text);
        Assert.Empty(harness.Get<IFeedbackStore>().Latest(10));
    }
}
