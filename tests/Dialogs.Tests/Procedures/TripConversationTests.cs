using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// A resident half a day from the office asks how to spare the trip: online, by post, someone going instead, before
/// 15:00, pre-registered. Each answer says only the ways the procedure's file confirms.
/// </summary>
public sealed class TripConversationTests : IDisposable
{
    private const string FarAway = "nha tui o xa, di len xa mat nua ngay, co cach nao khoi di ko";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private Procedure Find(string id) => harness.Get<ProcedureCatalog>().Find(id)!;

    [Fact]
    public async Task Far_away_with_no_procedure_gets_every_way_then_the_ways_of_the_procedure_named()
    {
        var first = (await harness.SayAsync(FarAway)).Select(r => harness.Plain(r.Text)).ToList();

        Assert.Equal([ProcedureTexts.TripGeneral, ProcedureTexts.AskWhichForWays], first);
        var birth = Find("khai-sinh");
        var answer = harness.Plain(Assert.Single(await harness.SayAsync("khai sinh cho con")).Text);
        Assert.StartsWith(birth.SimpleName, answer, StringComparison.Ordinal);
        Assert.Contains(ProcedureTexts.TripOnline, answer, StringComparison.Ordinal);
        Assert.Contains(ProcedureTexts.TripProxy + birth.Proxy, answer, StringComparison.Ordinal);
        Assert.Contains(ProcedureTexts.TripBefore15, answer, StringComparison.Ordinal);
        Assert.Contains(ProcedureTexts.TripPreRegister, answer, StringComparison.Ordinal);
    }

    /// <summary>Each row: the procedure talked about, the trip question, and the ways the answer must and must not name.</summary>
    public static TheoryData<string, string, string[], string[]> Rows => new()
    {
        { "đăng ký khai sinh cho con", FarAway, [ProcedureTexts.TripOnline, ProcedureTexts.TripProxy, ProcedureTexts.TripBefore15, ProcedureTexts.TripPreRegister], [ProcedureTexts.TripPost] },
        { "chứng thực bản sao", "nhà xa lắm, có cách nào khỏi phải lên không", [ProcedureTexts.TripBefore15, ProcedureTexts.TripPreRegister], [ProcedureTexts.TripOnline, ProcedureTexts.TripProxy] },
        { "xin xác nhận hộ nghèo", "khoi di duoc ko", [ProcedureTexts.TripOnline, ProcedureTexts.TripPost], [ProcedureTexts.TripBefore15] },
        { "đăng ký kết hôn", "o xa qua co cach nao khong phai di khong", [ProcedureTexts.TripOnline, ProcedureTexts.TripPost + "Không.", ProcedureTexts.TripProxy + "Không."], [] },
        { "làm căn cước cho con", "nhà ở xa, khỏi đi được không", [ProcedureTexts.TripPost + "Không.", ProcedureTexts.TripProxy + "Không."], [ProcedureTexts.TripOnline, ProcedureTexts.TripPreRegister] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_trip_question_about_a_procedure_names_the_ways_its_file_confirms(string first, string question, string[] named, string[] notNamed)
    {
        var about = (await harness.SayAsync(first)).Select(r => harness.Plain(r.Text)).First();
        var procedure = harness.Get<ProcedureCatalog>().All.Single(p => about.StartsWith(p.SimpleName, StringComparison.Ordinal));

        var answer = harness.Plain(Assert.Single(await harness.SayAsync(question)).Text);

        var call = string.Format(System.Globalization.CultureInfo.InvariantCulture, ProcedureTexts.TripCall, harness.Office.Phone);
        Assert.Equal($"{procedure.SimpleName}. {ProcedureAnswers.FactOf(procedure, OneStopBot.Knowledge.Understanding.ProcedureAspect.Trip)}\n{call}", answer);
        Assert.All(named, way => Assert.Contains(way, answer, StringComparison.Ordinal));
        Assert.All(notNamed, way => Assert.DoesNotContain(way, answer, StringComparison.Ordinal));
    }

    /// <summary>Each row: the procedure talked about, a question about post, and what the answer must say.</summary>
    public static TheoryData<string, string, string> PostRows => new()
    {
        { "xin xác nhận tình trạng hôn nhân", "nộp qua bưu điện được không", "Gửi qua bưu điện: Được." },
        { "xin hỗ trợ mai táng phí", "gui buu dien dc ko", "Gửi qua bưu điện: Được." },
        { "xin vao ho ngheo", "nop qua buu dien duoc khong", "Gửi qua bưu điện: Được." },
        { "đăng ký kết hôn", "nộp qua bưu điện được không", "Gửi qua bưu điện: Không. Hai người phải cùng đến xã để ký." },
        { "chứng thực bản sao", "gửi qua bưu điện được không", ProcedureTexts.Post + ProcedureTexts.PostNotWritten },
    };

    [Theory]
    [MemberData(nameof(PostRows))]
    public async Task Post_is_answered_as_the_file_says_or_honestly_not_written(string first, string question, string expected)
    {
        await harness.SayAsync(first);

        var answer = harness.Plain(Assert.Single(await harness.SayAsync(question)).Text);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nop qua buu dien duoc khong")]
    [InlineData("nop ho so qua buu dien")]
    [InlineData("nộp hồ sơ qua bưu điện được không em")]
    public async Task Post_with_no_procedure_says_it_depends_and_asks_which(string question)
    {
        var replies = (await harness.SayAsync(question)).Select(r => harness.Plain(r.Text)).ToList();

        Assert.Equal([ProcedureTexts.PostGeneral, ProcedureTexts.AskWhichForWays], replies);
        var answer = harness.Plain(Assert.Single(await harness.SayAsync("xác nhận tình trạng hôn nhân")).Text);
        Assert.Contains(ProcedureTexts.Post + Find("xac-nhan-hon-nhan").Post, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProcedureTexts.ProxyButton, "Nhờ người khác đi thay: ")]
    [InlineData(ProcedureTexts.OnlineButton, "Làm trực tuyến: ")]
    public async Task A_button_under_a_trip_answer_answers_that_way(string button, string expected)
    {
        await harness.SayAsync("đăng ký khai sinh cho con");
        var trip = Assert.Single(await harness.SayAsync(FarAway));
        Assert.Contains(button, trip.SuggestedActions.Actions.Select(a => a.Title));

        var replies = await harness.SayAsync(button);

        Assert.Contains(expected, harness.Plain(replies[0].Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_far_home_told_with_a_named_procedure_gets_the_procedure_first()
    {
        var replies = await harness.SayAsync("nhà xa xã lắm, làm giấy khai sinh cho con cần giấy tờ gì");

        Assert.StartsWith(Find("khai-sinh").SimpleName, harness.Plain(replies[0].Text), StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Text.Contains(ProcedureTexts.TripIntro, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tra cứu hồ sơ gửi qua bưu điện")]
    [InlineData("gặp cán bộ, nhà tui ở xa khỏi đi được không")]
    public async Task A_status_lookup_or_a_person_is_not_taken_for_a_trip_question(string text)
    {
        var replies = await harness.SayAsync(text);

        Assert.DoesNotContain(replies, r => r.Text.Contains(ProcedureTexts.TripIntro, StringComparison.Ordinal) || r.Text == ProcedureTexts.PostGeneral || r.Text == ProcedureTexts.TripGeneral);
    }

    [Fact]
    public void Each_way_read_from_exact_words()
    {
        Assert.Equal(OneStopBot.Knowledge.Understanding.ProcedureAspect.Trip, TripReading.Read(FarAway, namesProcedure: false));
        Assert.Equal(OneStopBot.Knowledge.Understanding.ProcedureAspect.Post, TripReading.Read("gửi bưu điện được hông", namesProcedure: true));
        Assert.Equal(OneStopBot.Knowledge.Understanding.ProcedureAspect.Online, TripReading.Read("nop online sao", namesProcedure: false));
        Assert.Equal(OneStopBot.Knowledge.Understanding.ProcedureAspect.None, TripReading.Read("nhà xa xã lắm, khai sinh có cách nào", namesProcedure: true));
        Assert.Equal(OneStopBot.Knowledge.Understanding.ProcedureAspect.None, TripReading.Read(new string('x', 5000), namesProcedure: false));
    }
}
