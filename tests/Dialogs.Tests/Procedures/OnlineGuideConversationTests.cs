using System.Globalization;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// Filing online step by step, asked as residents ask it: each row is the messages sent (separated by " | ") and the
/// procedure whose guide the last one must get, every line of it from the procedure's file.
/// </summary>
public sealed class OnlineGuideConversationTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string> Rows => new()
    {
        { "huong dan lam khai sinh tren vneid", "khai-sinh" },
        { "lam giay khai sinh cho be | lam onl dc ko", "khai-sinh" },
        { "nop online sao | khai sinh", "khai-sinh" },
        { "khai tu cho ong noi | lam tren vneid dc ko", "khai-tu" },
        { "đăng ký kết hôn | nop qua mang duoc khong", "ket-hon" },
        { "xin xác nhận tình trạng hôn nhân | làm online được không", "xac-nhan-hon-nhan" },
        { "đăng ký thường trú | làm trực tuyến được không", "thuong-tru" },
        { "nhap ho khau cho vo | lam tren dien thoai dc ko", "thuong-tru" },
        { "đăng ký tạm trú | làm trên điện thoại được không", "tam-tru" },
        { "xin hỗ trợ mai táng phí | nộp qua mạng được không", "mai-tang-phi" },
        { "xin xác nhận hộ nghèo | nộp qua mạng được không", "ho-ngheo" },
    };

    [Fact]
    public void Every_procedure_with_a_guide_has_a_row()
    {
        var asked = Rows.Select(row => (string)row[1]).ToHashSet();
        Assert.All(harness.Get<ProcedureCatalog>().All.Where(p => p.OnlineGuide is not null), p => Assert.Contains(p.Id, asked));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_guide_is_sent_a_few_lines_a_message_from_the_file(string messages, string id)
    {
        var procedure = harness.Get<ProcedureCatalog>().Find(id)!;
        var guide = procedure.OnlineGuide!;
        var said = messages.Split(" | ");
        foreach (var message in said[..^1])
        {
            await harness.SayAsync(message);
        }

        var replies = (await harness.SayAsync(said[^1])).Select(r => harness.Plain(r.Text)).ToList();

        var start = replies.FindIndex(r => r.StartsWith(procedure.SimpleName, StringComparison.Ordinal));
        Assert.True(start >= 0, string.Join("\n---\n", replies));
        Assert.Equal(start + 4, replies.Count);
        Assert.Contains(ProcedureTexts.Online + procedure.Online.Text, replies[start], StringComparison.Ordinal);
        Assert.StartsWith(ProcedureTexts.GuideApp + guide.App, replies[start + 1], StringComparison.Ordinal);
        Assert.All(guide.Photograph.Select((paper, i) => Line(paper, i)), line => Assert.Contains(line, replies[start + 1], StringComparison.Ordinal));
        Assert.Equal(ProcedureTexts.GuideSteps + string.Concat(guide.Steps.Select((step, i) => "\n" + Line(step, i))), replies[start + 2]);
        Assert.Equal($"{ProcedureTexts.GuideAfter}{guide.After}\n{ProcedureTexts.GuideDesk}", replies[start + 3]);
        // A slow reader on a phone: no message of the guide is longer than a few lines.
        Assert.All(replies.Skip(start), reply => Assert.True(reply.Split('\n').Length <= 8, reply));
    }

    [Fact]
    public async Task The_buttons_under_the_guide_offer_pre_registration_and_a_person_never_the_guide_again()
    {
        await harness.SayAsync("đăng ký khai sinh cho con");

        var last = (await harness.SayAsync("huong dan lam tren vneid"))[^1];

        var buttons = last.SuggestedActions.Actions.Select(a => a.Title).ToList();
        Assert.DoesNotContain(ProcedureTexts.OnlineButton, buttons);
        Assert.Contains(MainMenu.PreRegister, buttons.Concat(await MoreButtonsAsync()));
    }

    [Fact]
    public async Task Online_asked_with_no_procedure_says_how_in_general_and_asks_which()
    {
        var replies = await harness.SayAsync("nop online sao");

        Assert.Equal([ProcedureTexts.OnlineGeneral, ProcedureTexts.AskWhich], replies.Select(r => harness.Plain(r.Text)));
    }

    [Fact]
    public async Task A_procedure_not_filed_online_gets_no_steps()
    {
        await harness.SayAsync("chứng thực bản sao");

        var replies = await harness.SayAsync("làm online được không");

        var reply = harness.Plain(Assert.Single(replies).Text);
        Assert.DoesNotContain(ProcedureTexts.GuideSteps, reply, StringComparison.Ordinal);
    }

    private async Task<IEnumerable<string>> MoreButtonsAsync()
    {
        var more = await harness.SayAsync(OneStopBot.Dialogs.Engine.Replies.More);
        return more.SelectMany(m => m.SuggestedActions?.Actions.Select(a => a.Title) ?? []);
    }

    private static string Line(string item, int index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}. {item}");
}
