using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using Xunit.Abstractions;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// The shape of answers for every procedure: a first answer in at most three short messages, buttons only for what
/// was not shown, follow-ups in one message that does not offer the aspect just answered.
/// </summary>
public sealed partial class AnswerShapeTests(ITestOutputHelper output) : IDisposable
{
    // Counted in syllables (what a space separates in Vietnamese): khai sinh's six-bubble answer was 259, the longest
    // three-message answer is now under 180.
    private const int MaxFirstAnswerWords = 180;

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private ProcedureCatalog Catalog => harness.Get<ProcedureCatalog>();

    public static TheoryData<string> Ids =>
        [.. Directory.GetFiles(KnowledgeOptions.DefaultProceduresPath, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_first_answer_is_three_messages_with_buttons_only_for_what_it_did_not_show(string id)
    {
        var procedure = Catalog.Find(id)!;
        var messages = harness.Get<ProcedureAnswers>().Compose(procedure, ProcedureAspect.None).Cast<IMessageActivity>().ToList();

        Assert.Equal(3, messages.Count);
        Assert.Equal($"{procedure.SimpleName}. {procedure.Summary}", messages[0].Text);
        Assert.Equal(procedure.Documents.Count + 1, messages[1].Text.Split('\n').Length);
        var essentials = messages[2].Text.Split('\n');
        Assert.Equal([ProcedureTexts.Time + procedure.Time.Text, ProcedureTexts.Fee + procedure.Fee.Text], essentials[..2]);
        Assert.StartsWith(ProcedureTexts.Where, essentials[2], StringComparison.Ordinal);

        var buttons = messages[2].SuggestedActions.Actions.Select(a => a.Title).ToList();
        Assert.Null(messages[0].SuggestedActions);
        Assert.Null(messages[1].SuggestedActions);
        Assert.DoesNotContain(ProcedureTexts.DocumentsButton, buttons);
        Assert.DoesNotContain(ProcedureTexts.FeeButton, buttons);
        Assert.DoesNotContain(ProcedureTexts.TimeButton, buttons);
        Assert.Contains(ProcedureTexts.OnlineButton, buttons);
        Assert.Contains(MainMenu.TalkToStaff, buttons);
        Assert.Equal(ProcedureTexts.OtherProcedureButton, buttons[^1]);
        // Where is shown in full only when the file says where to ask (the receiver is not confirmed).
        Assert.Equal(procedure.Handler != ProcedureHandler.Unconfirmed, buttons.Contains(ProcedureTexts.WhereButton));
        Assert.Equal(procedure.Handler != ProcedureHandler.Unconfirmed, buttons.Contains(MainMenu.PreRegister));
        Assert.Equal(procedure.WhoQualifies is not null, buttons.Contains(ProcedureTexts.WhoQualifiesButton));
    }

    [Fact]
    public void First_answers_are_short()
    {
        var answers = harness.Get<ProcedureAnswers>();
        var words = Catalog.All.ToDictionary(
            p => p.Id,
            p => answers.Compose(p, ProcedureAspect.None).Cast<IMessageActivity>().Sum(m => m.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length));
        foreach (var (id, count) in words.OrderByDescending(w => w.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}\t{count}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean\t{words.Values.Average():0.0}"));
        Assert.All(words, w => Assert.True(w.Value <= MaxFirstAnswerWords, $"{w.Key}: {w.Value} words"));
    }

    public static TheoryData<ProcedureAspect, string> AspectButtons => new()
    {
        { ProcedureAspect.Documents, ProcedureTexts.DocumentsButton },
        { ProcedureAspect.Fee, ProcedureTexts.FeeButton },
        { ProcedureAspect.Time, ProcedureTexts.TimeButton },
        { ProcedureAspect.Where, ProcedureTexts.WhereButton },
        { ProcedureAspect.Online, ProcedureTexts.OnlineButton },
        { ProcedureAspect.WhoQualifies, ProcedureTexts.WhoQualifiesButton },
    };

    [Theory]
    [MemberData(nameof(AspectButtons))]
    public void A_follow_up_is_one_message_that_does_not_offer_the_aspect_it_answered(ProcedureAspect aspect, string button)
    {
        foreach (var procedure in Catalog.All)
        {
            var messages = harness.Get<ProcedureAnswers>().Compose(procedure, aspect);
            // Filing online step by step takes a few messages; the buttons are under the last.
            var message = (IMessageActivity)(aspect == ProcedureAspect.Online && procedure.OnlineGuide is not null
                ? Assert.IsAssignableFrom<IMessageActivity>(messages[^1])
                : Assert.Single(messages));
            var buttons = message.SuggestedActions.Actions.Select(a => a.Title).ToList();
            Assert.DoesNotContain(button, buttons);
            Assert.Contains(ProcedureTexts.OtherProcedureButton, buttons);
            Assert.Equal(buttons.Count, buttons.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("Nộp ở đâu", "Where")]
    [InlineData("Làm trực tuyến", "Online")]
    [InlineData("Ai được làm", "WhoQualifies")]
    [InlineData("Giấy tờ cần mang", "Documents")]
    public async Task A_button_under_a_first_answer_answers_its_aspect(string button, string aspect)
    {
        var procedure = Catalog.Find("tro-cap-xa-hoi")!;
        await harness.SayAsync("xin trợ cấp xã hội cho mẹ già");

        var reply = harness.Plain(Assert.Single(await harness.SayAsync(button)).Text);

        Assert.StartsWith(procedure.SimpleName, reply, StringComparison.Ordinal);
        Assert.Contains(ProcedureAnswers.FactOf(procedure, Enum.Parse<ProcedureAspect>(aspect)), reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đăng ký thường trú", "communePolice")]
    [InlineData("đăng ký tạm trú", "communePolice")]
    [InlineData("đăng ký nghĩa vụ quân sự", "communeMilitary")]
    public async Task Where_for_police_and_military_gives_their_own_place_and_hours_not_the_one_stop_desks(string question, string receiver)
    {
        const string ownHours = "Sáng 7:00–11:00, thứ Hai đến thứ Bảy";
        using var own = new ConversationHarness(settings: new Dictionary<string, string?> { [$"Office:Handlers:{receiver}:Hours"] = ownHours });
        var handler = own.Office.Handlers[receiver];

        var first = await own.SayAsync(question);
        var where = Assert.Single(await own.SayAsync("nộp ở đâu")).Text;

        Assert.Contains(handler.Place, first[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(own.Office.OfficeName, first[^1].Text, StringComparison.Ordinal);
        Assert.Contains($"{handler.Name}: {ownHours}", where, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcedureTexts.OfficeHours, where, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Office.WorkingHours, where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_for_the_one_stop_desk_gives_its_hours()
    {
        await harness.SayAsync("đăng ký kết hôn");
        var where = Assert.Single(await harness.SayAsync("nộp ở đâu")).Text;
        Assert.Contains(ProcedureTexts.OfficeHours + harness.Office.WorkingHours, where, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_lines_have_no_double_brackets_and_do_not_repeat_their_form()
    {
        foreach (var document in Catalog.All.SelectMany(p => p.Documents))
        {
            var line = DocumentWording.Line(document);
            Assert.DoesNotContain(") (", line, StringComparison.Ordinal);
            Assert.DoesNotContain("))", line, StringComparison.Ordinal);
            // A paper whose name says its form ("Bản photo…") is not told its form again.
            Assert.False(SaysItsForm().IsMatch(document.Name) && line.Contains(": bản ", StringComparison.Ordinal), line);
        }
    }

    [Theory]
    [InlineData("Giấy chứng nhận kết hôn của cha mẹ (nếu có)", "show", 1, null, "Giấy chứng nhận kết hôn của cha mẹ (nếu có): cho cán bộ xem")]
    [InlineData("Bản photo của giấy tờ đó", "copy", 1, "Cần bao nhiêu bản thì mang bấy nhiêu.", "Bản photo của giấy tờ đó. Cần bao nhiêu bản thì mang bấy nhiêu.")]
    [InlineData("Bản sao giấy khai sinh", "copy", 2, null, "Bản sao giấy khai sinh: 2 bản")]
    [InlineData("Tờ khai", "original", 2, null, "Tờ khai: bản chính, 2 bản")]
    public void A_document_line_says_its_form_once(string name, string form, int count, string? note, string expected) =>
        Assert.Equal(expected, DocumentWording.Line(new RequiredDocument(name, Enum.Parse<DocumentForm>(form, ignoreCase: true), count, note)));

    [GeneratedRegex("^bản (sao|chính|photo)", RegexOptions.IgnoreCase)]
    private static partial Regex SaysItsForm();
}
