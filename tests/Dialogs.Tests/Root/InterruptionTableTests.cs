using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>What a command word does at each question, typed with and without diacritics, and given names that fold onto commands.</summary>
public enum Outcome
{
    /// <summary>The word is the answer: the next question comes.</summary>
    Answer,

    /// <summary>The word is "yes" to a yes/no question.</summary>
    Yes,

    /// <summary>The word is "no" to a yes/no question.</summary>
    No,

    /// <summary>Stopped at once.</summary>
    Cancelled,

    /// <summary>"Anh/chị muốn dừng việc …?" asked once.</summary>
    AskStop,

    /// <summary>The previous question again.</summary>
    Back,

    /// <summary>The main menu (nothing to go back to).</summary>
    Menu,

    /// <summary>The way to a person.</summary>
    Person,
}

public sealed class InterruptionTableTests : IDisposable
{
    public static readonly string[] Words =
        ["huỷ", "hủy", "huy", "dừng", "dung", "Đúng", "Dũng", "thôi", "thoi", "Huy", "Thoát", "thoat", "quay lại", "quay lai", "gặp cán bộ", "gap can bo"];

    private const string Code = "000.32.30.H49-261126-0001";

    // The harness's chat is also a staff member's, so staff questions are in the table too.
    private readonly ConversationHarness harness = new(settings: new Dictionary<string, string?>
    {
        ["Staff:Members:0:Channel"] = Chats.Channel,
        ["Staff:Members:0:UserId"] = Chats.User,
        ["Staff:Members:0:Name"] = "Cán bộ Hoa",
    });

    public void Dispose() => harness.Dispose();

    /// <summary>
    /// Each question: how to reach it, and per word the expected outcome, written as one letter per word of
    /// <see cref="Words"/>: A answer, Y yes, N no, C cancelled, S ask to stop, B back, M menu, P person.
    /// </summary>
    public static readonly Dictionary<string, string> Table = new()
    {
        ["procedure"] = "CCSCSSSCSSSSMMPP",
        ["name"] = "CCACAAACAAAABBPP",
        ["phone"] = "SSSSSSSSSSSSBBPP",
        ["village"] = "SSSSSSSSSSSSBBPP",
        ["day"] = "SSSSSSSSSSSSBBPP",
        ["citizenId"] = "SSSSSSSSSSSSBBPP",
        ["summary"] = "SSSSYYYNNSSSBBPP",
        ["offerNotices"] = "CCCCYYYNNCCCMMPP",
        ["staffNote"] = "CCSCSSSCSSSSMMPP",
        ["staffConfirm"] = "CCCCYYYNNCCCMMPP",
        ["broadcastConfirm"] = "CCCCYYYNNCCCMMPP",
    };

    public static TheoryData<string, string, Outcome> Rows()
    {
        var rows = new TheoryData<string, string, Outcome>();
        foreach (var (prompt, outcomes) in Table)
        {
            Assert.Equal(Words.Length, outcomes.Length);
            for (var i = 0; i < Words.Length; i++)
            {
                rows.Add(prompt, Words[i], outcomes[i] switch
                {
                    'A' => Outcome.Answer, 'Y' => Outcome.Yes, 'N' => Outcome.No, 'C' => Outcome.Cancelled,
                    'S' => Outcome.AskStop, 'B' => Outcome.Back, 'M' => Outcome.Menu, _ => Outcome.Person,
                });
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_question_treats_each_word_as_the_table_says(string prompt, string word, Outcome outcome) =>
        await (await ReachAsync(prompt)).Send(word).AssertReply(activity =>
            Assert.Contains(Marker(prompt, outcome), ((IMessageActivity)activity).Text, StringComparison.Ordinal))
        .StartTestAsync();

    private async Task<TestFlow> ReachAsync(string prompt)
    {
        var flow = harness.Flow();
        if (prompt.StartsWith("staff", StringComparison.Ordinal))
        {
            await harness.Get<DossierDesk>().ReceiveAsync(
                new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0 }, "desk");
            flow = flow.Send("/capnhat " + Code).AssertReplyContains("Chọn trạng thái mới")
                .Send("Đang giải quyết").AssertReplyContains(StaffUpdateTexts.AskNote);
            return prompt == "staffNote" ? flow : flow.Send("Bỏ qua").AssertReplyContains("Xác nhận?");
        }
        if (prompt == "broadcastConfirm")
        {
            return flow.Send("/thongbao").AssertReplyContains(StaffBroadcastTexts.AskAudience)
                .Send("Tất cả các thôn").AssertReplyContains(StaffBroadcastTexts.AskText)
                .Send("Mai họp thôn lúc 8 giờ.").AssertReply(StaffBroadcastTexts.PreviewHeading).SkipReplies(1)
                .AssertReplyContains("Gửi ngay?");
        }
        if (prompt == "offerNotices")
        {
            return flow.PreRegister();
        }
        var steps = new (string Send, string Expect)[]
        {
            ("Nộp hồ sơ trước", PreRegisterTexts.AskProcedure), ("khai sinh", PreRegisterTexts.AskName), ("Hồ Thị Lan", PreRegisterTexts.AskPhone),
            ("0912345621", PreRegisterTexts.AskVillage), ("Thôn 2", "ngày nào?"), ("thứ hai", PreRegisterTexts.AskCitizenId),
            ("Bỏ qua", PreRegisterTexts.Summary),
        };
        var index = Array.IndexOf(["procedure", "name", "phone", "village", "day", "citizenId", "summary"], prompt);
        for (var i = 0; i <= index; i++)
        {
            flow = flow.Send(steps[i].Send);
            flow = steps[i].Send == "khai sinh" ? flow.SkipReplies(1) : flow;
            flow = flow.AssertReplyContains(steps[i].Expect);
        }
        return flow;
    }

    private static string Marker(string prompt, Outcome outcome) => outcome switch
    {
        Outcome.Cancelled => "em đã dừng việc đang làm",
        Outcome.AskStop => "Anh/chị muốn dừng việc ",
        Outcome.Menu => RootTexts.Menu,
        Outcome.Person => "cán bộ",
        Outcome.Back => prompt switch
        {
            "name" => PreRegisterTexts.AskProcedure,
            "phone" => PreRegisterTexts.AskName,
            "village" => PreRegisterTexts.AskPhone,
            "day" => PreRegisterTexts.AskVillage,
            "citizenId" => "ngày nào?",
            _ => PreRegisterTexts.AskCitizenId,
        },
        Outcome.Answer => PreRegisterTexts.AskPhone,
        Outcome.Yes => prompt switch
        {
            "summary" => PreRegisterTexts.Done,
            "offerNotices" => "nhận thông báo",
            "staffConfirm" => "Đã cập nhật hồ sơ",
            _ => "Đã nhận thông báo số",
        },
        _ => prompt switch
        {
            "summary" => PreRegisterTexts.AskField,
            "offerNotices" => OfferNoticesTexts.Declined,
            "staffConfirm" => StaffUpdateTexts.NotChanged,
            _ => StaffBroadcastTexts.NotSent,
        },
    };
}
