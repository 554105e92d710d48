using System.Globalization;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>
/// Short conversations and the kind of reply the last turn must get. Turns are separated by " | ". Expected:
/// "answer:ID", "aspect:ID:Aspect", "now:ID" (the topic changed and the bot says so), "both:ID,ID", "confirm",
/// "notthis" (the confirm question went to staff), "search:ID" (understanding found nothing; search offers ID
/// among a short list and records the question), "agency:ID", "chitchat", "notfound", "welcome", "thanks".
/// </summary>
public sealed class ConversationTableTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string> Rows => new()
    {
        // A greeting or filler before the question answers the question.
        { "dạ em chào cán bộ, cho em hỏi làm giấy khai sinh cần gì", "aspect:khai-sinh:Documents" },
        { "alo cho hoi dang ky ket hon o dau", "aspect:ket-hon:Where" },
        { "e chao a chi, lam the bhyt cho con the nao", "answer:bhyt" },
        { "chào em, tui muốn hỏi làm giấy khai tử cho ba", "answer:khai-tu" },
        { "xin chao, cho hoi chung thuc ban sao mat bao lau", "aspect:chung-thuc-ban-sao:Time" },
        { "xin chào", "welcome" },
        { "chào em", "welcome" },
        { "alo", "welcome" },
        // Thanks gets a short thanks.
        { "cảm ơn", "thanks" },
        { "đăng ký kết hôn | cam on nhieu", "thanks" },
        { "đăng ký khai sinh | cảm ơn em", "thanks" },
        { "thanks", "thanks" },
        // The topic changes only when another procedure is named clearly, and the bot says so.
        { "đăng ký khai sinh | còn đăng ký kết hôn thì cần gì", "now:ket-hon" },
        { "đăng ký kết hôn | làm giấy khai tử", "now:khai-tu" },
        { "đăng ký thường trú | phí? | chứng thực bản sao", "now:chung-thuc-ban-sao" },
        { "làm thẻ bảo hiểm y tế cho con | xin hỗ trợ mai táng phí", "now:mai-tang-phi" },
        { "đăng ký khai sinh | đăng ký khai sinh mất bao lâu", "aspect:khai-sinh:Time" },
        // Two procedures in one message: both answered.
        // Khai sinh with thường trú or the BHYT card: the liên thông group for children under 6, in one dossier.
        { "làm khai sinh và nhập hộ khẩu cho con", "group" },
        { "đăng ký khai sinh, thường trú, thẻ bhyt cho bé", "group" },
        { "lam giay khai sinh voi nhap khau cho con moi de", "group" },
        { "khai sinh kèm bảo hiểm y tế cho bé được không", "group" },
        { "mần khai sinh với hộ khẩu cho cháu nội ở mô", "group" },
        { "lien thong khai sinh thuong tru cho tre", "group" },
        { "dạ cho em hỏi làm giấy khai sinh rồi nhập khẩu cho con luôn", "group" },
        { "nhập hộ khẩu cho vợ mới cưới", "answer:thuong-tru" },
        { "kết hôn xong rồi chuyển khẩu về nhà chồng", "both:thuong-tru,ket-hon" },
        // The confirm band.
        // Trained on more out-of-scope questions, the model is no longer sure this asks about a procedure: search
        // offers trợ cấp xã hội and keeps the question for staff.
        { "muốn hỏi về người già", "search:tro-cap-xa-hoi" },
        { "giấy chứng nhận", "confirm" },
        { "muốn hỏi về người già | Không phải", "notthis" },
        { "giấy chứng nhận | khong phai", "notthis" },
        { "muốn hỏi về người già | 1", "answer:tro-cap-xa-hoi" },
        // Other agencies: where to go, nothing recorded for staff.
        { "ly hôn", "agency:ly-hon" },
        { "làm hộ chiếu", "agency:ho-chieu" },
        { "đăng ký khai sinh | muốn ly hôn thì làm sao", "agency:ly-hon" },
        // Insults and chit-chat: one polite line, not recorded.
        { "mày ngu quá", "chitchat" },
        { "haha", "chitchat" },
        { "ok bạn", "chitchat" },
        { "đăng ký kết hôn | hehe", "chitchat" },
        { "làm hộ chiếu | bot dở ẹc", "chitchat" },
        { "đăng ký khai sinh | yêu em", "chitchat" },
        { "😂", "chitchat" },
        // Real statements nothing fits are recorded though no question is asked.
        { "nhà tui bị sạt lở", "notfound" },
        { "xin hỏi về đền bù đường điện", "notfound" },
        { "đăng ký khai sinh | đường vô thôn bị ngập rồi", "notfound" },
        // A real question nothing fits is recorded.
        { "giá cà phê hôm nay bao nhiêu", "notfound" },
        // Understanding finds nothing but search finds the procedure by a paper or a phrase: a short list to choose
        // from, and the question still recorded for staff.
        { "giấy ra viện với bệnh án", "search:xac-nhan-khuyet-tat" },
        { "giay ra vien voi benh an", "search:xac-nhan-khuyet-tat" },
        { "giấy tờ cho ở nhờ", "search:tam-tru" },
        { "mau ct01", "search:tam-tru" },
        { "đăng ký kết hôn | giấy ra viện với bệnh án", "search:xac-nhan-khuyet-tat" },
        { "giấy ra viện với bệnh án | 1", "answer:xac-nhan-khuyet-tat" },
        { "giấy ra viện với bệnh án | Không phải", "notthis" },
        // Out of scope, whatever words it shares with the procedures: the plain not-found reply.
        { "xin số điện thoại bác sĩ trạm y tế", "notfound" },
        { "con chó nhà hàng xóm sủa cả đêm", "notfound" },
        { "đóng học phí cho con ở trường", "notfound" },
        // Small talk never gets the list, at the root or at the "which procedure?" prompt.
        { "bạn là người hay máy", "chitchat" },
        { "hỏi thủ tục | haha", "chitchat" },
        { "hỏi thủ tục | mày ngu quá", "chitchat" },
        // At that prompt, search helps too.
        { "hỏi thủ tục | giay ra vien voi benh an", "search:xac-nhan-khuyet-tat" },
        // Fees counted by pages.
        { "chứng thực bản sao | 10 trang thì bao nhiêu", "pages:chung-thuc-ban-sao:10" },
        { "chứng thực 3 trang hết bao nhiêu tiền", "pages:chung-thuc-ban-sao:3" },
        { "chứng thực bản sao giấy tờ | con 500 trang thi sao", "pages:chung-thuc-ban-sao:500" },
        { "dạ cho em hỏi đăng ký tạm trú mất mấy ngày", "aspect:tam-tru:Time" },
        { "alo alo, lam can cuoc o dau", "aspect:can-cuoc:Where" },
        { "chao can bo, xin tro cap cho me gia can giay gi", "aspect:tro-cap-xa-hoi:Documents" },
        { "dạ chào anh, cho hỏi đăng ký kết hôn có mất tiền không", "aspect:ket-hon:Fee" },
        { "cảm ơn nhé", "thanks" },
        { "đăng ký kết hôn | đăng ký khai sinh", "now:khai-sinh" },
        { "đăng ký khai sinh | làm căn cước", "now:can-cuoc" },
        { "chứng thực 1 trang bao nhiêu tiền", "pages:chung-thuc-ban-sao:1" },
        { "chứng thực bản sao | 250 trang thì bao nhiêu", "pages:chung-thuc-ban-sao:250" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_last_turn_gets_the_expected_reply(string turns, string expected)
    {
        var all = turns.Split(" | ");
        IReadOnlyList<IMessageActivity> replies = [];
        foreach (var turn in all)
        {
            replies = await harness.SayAsync(turn);
        }

        Assert.NotEmpty(replies);
        var first = replies[0];
        var firstText = harness.Plain(first.Text);
        var recorded = harness.Get<UnansweredQuestionStore>().Latest(10);
        var parts = expected.Split(':');
        switch (parts[0])
        {
            case "answer":
                Assert.StartsWith(Find(parts[1]).SimpleName, firstText, StringComparison.Ordinal);
                break;
            case "aspect":
                var procedure = Find(parts[1]);
                Assert.StartsWith(procedure.SimpleName, firstText, StringComparison.Ordinal);
                Assert.Contains(ProcedureAnswers.FactOf(procedure, Enum.Parse<ProcedureAspect>(parts[2])), firstText, StringComparison.Ordinal);
                break;
            case "pages":
                var copy = Find(parts[1]);
                var pages = int.Parse(parts[2], CultureInfo.InvariantCulture);
                Assert.Contains(ProcedureAnswers.PageFeeOf(copy, pages)!, firstText, StringComparison.Ordinal);
                break;
            case "now":
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, ProcedureTexts.NowAbout, Find(parts[1]).SimpleName), firstText);
                Assert.StartsWith(Find(parts[1]).SimpleName, harness.Plain(replies[1].Text), StringComparison.Ordinal);
                break;
            case "both":
                var ids = parts[1].Split(',');
                Assert.StartsWith(Find(ids[0]).SimpleName, firstText, StringComparison.Ordinal);
                Assert.Contains(replies, r => r.Text == string.Format(CultureInfo.InvariantCulture, ProcedureTexts.AlsoAbout, Find(ids[1]).SimpleName));
                break;
            case "group":
                Assert.Equal(ProcedureTexts.GroupWhat, first.Text);
                Assert.Equal(3, replies.Count);
                Assert.Contains(DocumentWording.Line(Find(LinkedGroup.BirthId).Documents[0]), harness.Plain(replies[1].Text), StringComparison.Ordinal);
                Assert.Contains(ProcedureTexts.GroupMore, replies[1].Text, StringComparison.Ordinal);
                Assert.Equal(
                    LinkedGroup.Ids.Select(id => Find(id).SimpleName),
                    replies[2].SuggestedActions.Actions.Take(LinkedGroup.Ids.Count).Select(a => a.Title));
                break;
            case "confirm":
                Assert.StartsWith("Có phải anh/chị hỏi về", firstText, StringComparison.Ordinal);
                var buttons = first.SuggestedActions.Actions.Select(a => a.Title).ToList();
                Assert.InRange(buttons.Count, 2, 4);
                Assert.Equal(ProcedureTexts.NotThis, buttons[^1]);
                Assert.Empty(recorded);
                break;
            case "search":
                Assert.StartsWith("Có phải anh/chị hỏi về", firstText, StringComparison.Ordinal);
                var offered = first.SuggestedActions.Actions.Select(a => a.Title).ToList();
                Assert.InRange(offered.Count, 2, 4);
                Assert.Equal(ProcedureTexts.NotThis, offered[^1]);
                Assert.Contains(offered, title => title.EndsWith(Find(parts[1]).SimpleName, StringComparison.Ordinal));
                Assert.Equal(all[^1], Assert.Single(recorded).Text);
                break;
            case "notthis":
                Assert.Contains(MainMenu.TalkToStaff, first.SuggestedActions.Actions.Select(a => a.Title));
                Assert.Equal(all[^2], Assert.Single(recorded).Text);
                break;
            case "agency":
                var agency = harness.Get<ProcedureCatalog>().FindOtherAgency(parts[1])!;
                Assert.Contains(agency.Agency!, firstText, StringComparison.Ordinal);
                Assert.Contains(agency.Where!, firstText, StringComparison.Ordinal);
                Assert.Empty(recorded);
                break;
            case "chitchat":
                Assert.Equal(RootTexts.ChitChat, Assert.Single(replies).Text);
                Assert.Equal([MainMenu.AskProcedure, MainMenu.CheckDossier], first.SuggestedActions.Actions.Select(a => a.Title));
                Assert.Empty(recorded);
                break;
            case "notfound":
                Assert.Equal(all[^1], Assert.Single(recorded).Text);
                break;
            case "welcome":
                Assert.Equal(Replies.Page(MainMenu.Items, 0), first.SuggestedActions.Actions.Select(a => a.Title));
                Assert.StartsWith("Chào anh/chị", firstText, StringComparison.Ordinal);
                break;
            case "thanks":
                Assert.Equal(RootTexts.Thanks, Assert.Single(replies).Text);
                break;
            default:
                Assert.Fail($"unknown expectation {expected}");
                break;
        }
    }

    [Theory]
    [InlineData(1, 2_000)]
    [InlineData(2, 4_000)]
    [InlineData(3, 5_000)]
    [InlineData(10, 12_000)]
    [InlineData(250, 200_000)]
    public void The_copy_fee_is_counted_by_pages(int pages, int amount) =>
        Assert.Equal(amount, Find("chung-thuc-ban-sao").PageFee!.ForPages(pages));

    [Fact]
    public async Task Ten_pages_cost_twelve_thousand_dong()
    {
        await harness.SayAsync("chứng thực bản sao");
        var reply = (await harness.SayAsync("10 trang thì bao nhiêu"))[0].Text;
        Assert.Contains("12.000 đồng", reply, StringComparison.Ordinal);
    }

    /// <summary>Every aspect answer of every procedure states only that procedure's facts, under its name.</summary>
    [Fact]
    public void No_answer_states_a_fact_of_another_procedure()
    {
        var catalog = harness.Get<ProcedureCatalog>();
        var answers = harness.Get<ProcedureAnswers>();
        var aspects = Enum.GetValues<ProcedureAspect>();
        foreach (var procedure in catalog.All)
        {
            foreach (var aspect in aspects)
            {
                var text = string.Join('\n', answers.Compose(procedure, aspect).Select(a => ((IMessageActivity)a).Text));
                Assert.StartsWith(procedure.SimpleName, text, StringComparison.Ordinal);
                foreach (var other in catalog.All.Where(o => o.Id != procedure.Id))
                {
                    // A sentence both files hold ("UBND xã, giờ làm việc…") is a fact of each.
                    foreach (var fact in OwnFacts(other).Where(f => !Facts(procedure).Any(own => own.Contains(f, StringComparison.Ordinal))))
                    {
                        Assert.False(text.Contains(fact, StringComparison.Ordinal), $"{procedure.Id} {aspect} states {other.Id}: {fact}");
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Facts(Procedure procedure) =>
        new[] { procedure.Summary, procedure.Time.Text, procedure.Fee.Text, procedure.WhereAndWhen, procedure.Online.Text, procedure.WhoQualifies, procedure.Proxy }
            .OfType<string>();

    // Facts long enough to be one procedure's own (short ones like "Miễn phí." are shared by many).
    private static IEnumerable<string> OwnFacts(Procedure procedure) => Facts(procedure).Where(f => f.Length > 40);

    private Procedure Find(string id) => harness.Get<ProcedureCatalog>().Find(id) ?? throw new ArgumentException(id);
}
