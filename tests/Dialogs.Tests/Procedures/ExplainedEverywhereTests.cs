using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// The glossary is one outgoing step: whatever a resident reads — a status reply, a notice, an answer — explains a hard
/// word the first time, and only then; staff read the words as they are.
/// </summary>
public sealed class ExplainedEverywhereTests : IDisposable
{
    private const string Code = "000.32.30.H49-261126-0001";

    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static string Explanation(ConversationHarness on, string term) =>
        on.Get<ProcedureCatalog>().Glossary.Single(t => t.Terms.Contains(term)).Explanation;

    private static string Texts(IEnumerable<IMessageActivity> replies) => string.Join('\n', replies.Select(r => r.Text));

    [Theory]
    [InlineData(DossierStatus.SupplementRequested, "Cần thêm bản trích lục khai sinh của mẹ.", "trích lục")]
    [InlineData(DossierStatus.Rejected, "Đơn không được thụ lý vì sai thôn.", "thụ lý")]
    [InlineData(DossierStatus.InProgress, "Danh sách đang niêm yết ở nhà văn hoá thôn.", "niêm yết")]
    [InlineData(DossierStatus.Received, "Có giấy uỷ quyền của chồng.", "uỷ quyền")]
    public async Task A_status_reply_explains_a_word_at_its_first_mention_only(DossierStatus status, string note, string word)
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, status, "Cán bộ A", note);

        var first = Texts(await harness.SayAsync("tra cứu hồ sơ " + Code));
        var again = Texts(await harness.SayAsync("tra cứu hồ sơ " + Code));

        Assert.Contains($"{word} ({Explanation(harness, word)})", first, StringComparison.Ordinal);
        Assert.Contains(word, again, StringComparison.Ordinal);
        Assert.DoesNotContain($"({Explanation(harness, word)})", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_explained_in_a_status_reply_is_not_explained_again_in_a_procedure_answer()
    {
        await harness.Flow().PreRegister().StartTestAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.SupplementRequested, "Cán bộ A", "Cần thêm bản trích lục khai sinh của mẹ.");
        Assert.Contains($"({Explanation(harness, "trích lục")})", Texts(await harness.SayAsync("tra cứu hồ sơ " + Code)), StringComparison.Ordinal);

        var answer = Texts(await harness.SayAsync("xin trích lục khai sinh"));

        Assert.Contains("trích lục", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"({Explanation(harness, "trích lục")})", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_was_explained_survives_the_storage_between_processes()
    {
        var storage = new MemoryStorage();
        using (var before = new ConversationHarness(storage))
        {
            Assert.Contains($"({Explanation(before, "trích lục")})", Texts(await before.SayAsync("xin trích lục khai sinh")), StringComparison.Ordinal);
        }
        using var after = new ConversationHarness(storage);

        var again = Texts(await after.SayAsync("xin trích lục kết hôn"));

        Assert.Contains("trích lục", again, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"({Explanation(after, "trích lục")})", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_members_turn_shows_the_words_as_they_are()
    {
        using var staff = new ConversationHarness(settings: new Dictionary<string, string?>
        {
            ["Staff:Members:0:Channel"] = Chats.Channel,
            ["Staff:Members:0:UserId"] = Chats.User,
            ["Staff:Members:0:Name"] = "Cán bộ Hoa",
        });
        await Chats.Other(staff, "resident").PreRegister().StartTestAsync();
        await staff.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.SupplementRequested, "Cán bộ A", "Cần thêm bản trích lục khai sinh của mẹ.");

        var shown = Texts(await staff.SayAsync("/hoso 261126-0001"));

        Assert.Contains("bản trích lục khai sinh", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"({Explanation(staff, "trích lục")})", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_are_never_rewritten_and_a_word_with_its_own_bracket_is_left_alone()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("buttons")).Use(harness.Get<PlainWords>());

        await new TestFlow(adapter, async (turn, ct) =>
            {
                await turn.SendActivityAsync(Replies.WithChoices("Xin trích lục ở xã.", ["Trích lục hộ tịch", "Gặp cán bộ"]), ct);
                await turn.SendActivityAsync("Chứng thực (công chứng) bản photo.", cancellationToken: ct);
                await harness.Get<ConversationState>().SaveChangesAsync(turn, force: false, ct);
            })
            .Send("xin chào")
            .AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal($"Xin trích lục ({Explanation(harness, "trích lục")}) ở xã.", message.Text);
                Assert.Equal(["Trích lục hộ tịch", "Gặp cán bộ"], message.SuggestedActions.Actions.Select(a => a.Title));
                Assert.Equal(["Trích lục hộ tịch", "Gặp cán bộ"], message.SuggestedActions.Actions.Select(a => (string)a.Value));
            })
            .AssertReply(activity => Assert.Equal("Chứng thực (công chứng) bản photo.", ((IMessageActivity)activity).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_message_still_goes_out_explained_when_the_conversation_state_cannot_be_read()
    {
        var words = new PlainWords(new ConversationState(new UnreadableStorage()), harness.Get<ProcedureCatalog>(), harness.Get<IOptionsMonitor<StaffOptions>>());
        var adapter = new TestAdapter(TestAdapter.CreateConversation("damaged")).Use(words);

        await new TestFlow(adapter, (turn, ct) => turn.SendActivityAsync("Danh sách đang niêm yết.", cancellationToken: ct))
            .Send("xin chào")
            .AssertReply(activity => Assert.Equal($"Danh sách đang niêm yết ({Explanation(harness, "niêm yết")}).", ((IMessageActivity)activity).Text))
            .StartTestAsync();
    }

    /// <summary>A damaged state record: every read fails.</summary>
    private sealed class UnreadableStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new InvalidDataException("The stored state is damaged.");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>Sends a queued notice as the outbox worker does: a continuation of the chat, outside its turns.</summary>
    private static async Task<IMessageActivity> SendProactivelyAsync(ConversationHarness on, Delivery row)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("harness")).Use(on.Get<PlainWords>());
        await adapter.ContinueConversationAsync("bot", row.To.ToConversationReference(), (turn, ct) => turn.SendActivityAsync(OutboxActivity.Of(row), ct), CancellationToken.None);
        return (IMessageActivity)adapter.ActiveQueue.Dequeue();
    }

    [Theory]
    [InlineData("Anh/chị mang giấy xác nhận cư trú đến nhé.", "cư trú")]
    [InlineData("Cần bản trích lục khai sinh của mẹ.", "trích lục")]
    [InlineData("Danh sách đang niêm yết ở nhà văn hoá thôn.", "niêm yết")]
    public async Task A_staff_answer_reaches_the_resident_as_staff_wrote_it(string answer, string word)
    {
        using var staff = new ConversationHarness(settings: new Dictionary<string, string?>
        {
            ["Staff:Members:0:Channel"] = Chats.Channel,
            ["Staff:Members:0:UserId"] = Chats.User,
            ["Staff:Members:0:Name"] = "Cán bộ Hoa",
        });
        var resident = TestAdapter.CreateConversation("chat-resident", "resident").ToChatAddress();
        var question = staff.Get<NoticeService>().ForwardToStaff(resident, "Cần mang giấy gì?").Value!.Handoff;

        await staff.Flow()
            .Send($"/traloi {question.Id} {answer}").AssertReply($"Đã gửi trả lời cho câu hỏi {question.Id}.")
            .StartTestAsync();
        var reply = await SendProactivelyAsync(staff, Assert.Single(staff.Get<Outbox>().Due(staff.Time.GetUtcNow(), 10), d => d.Kind == DeliveryKind.StaffReply));

        Assert.EndsWith("\n" + answer, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{word} ({Explanation(staff, word)})", reply.Text, StringComparison.Ordinal);
        Assert.Null(((Activity)reply).Properties?.Property("onestop.asWritten"));
    }

    [Fact]
    public async Task A_status_notice_explains_its_words_in_itself_whatever_the_chat_was_told_before()
    {
        var code = (await harness.Get<DossierDesk>().ReceiveAsync(new NewDossier
        {
            ProcedureId = "cap-so-do", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2",
            Owner = harness.Adapter.Conversation.ToChatAddress(),
        }, "Cán bộ A")).Code;
        // The chat has had "nghĩa vụ tài chính" explained already; a notice read days later explains it again.
        await harness.Get<DossierDesk>().ChangeStatusAsync(code, DossierStatus.InProgress, "Cán bộ A", "Đang tính nghĩa vụ tài chính.");
        Assert.Contains($"({Explanation(harness, "nghĩa vụ tài chính")})", Texts(await harness.SayAsync("tra cứu hồ sơ " + code)), StringComparison.Ordinal);
        Assert.NotNull(await harness.Get<DossierUpdates>().ChangeStatusAsync(code, DossierStatus.FinancialObligation, "Cán bộ A", "Nộp tại Chi cục Thuế."));

        var notice = await SendProactivelyAsync(harness, Assert.Single(harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 10)));

        Assert.Contains($"Cần làm nghĩa vụ tài chính ({Explanation(harness, "nghĩa vụ tài chính")})", notice.Text, StringComparison.Ordinal);
        Assert.Equal(DossierStatusNotifier.Actions, notice.SuggestedActions.Actions.Select(a => a.Title));
        // The notice wrote nothing to the chat's state: the next reply there is as it would have been.
        Assert.DoesNotContain($"({Explanation(harness, "nghĩa vụ tài chính")})", Texts(await harness.SayAsync("tra cứu hồ sơ " + code)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_to_a_chat_with_no_state_at_all_is_explained_and_sent()
    {
        var stranger = new ChatAddress("test", "nobody", "never-seen");
        var row = new Delivery { Kind = DeliveryKind.Broadcast, To = stranger, Text = "Danh sách hộ nghèo đang niêm yết ở thôn.", Actions = [] };

        var notice = await SendProactivelyAsync(harness, row);

        Assert.Equal($"Danh sách hộ nghèo đang niêm yết ({Explanation(harness, "niêm yết")}) ở thôn.", notice.Text);
    }

    [Fact]
    public async Task A_notice_to_a_staff_chat_is_left_as_written()
    {
        using var staff = new ConversationHarness(settings: new Dictionary<string, string?>
        {
            ["Staff:Members:0:Channel"] = "test",
            ["Staff:Members:0:UserId"] = "staff1",
        });
        var row = new Delivery { Kind = DeliveryKind.StaffForward, To = new ChatAddress("test", "staff1", "staff-chat"), Text = "Câu hỏi H1 của người dân:\nxin trích lục", Actions = [] };

        Assert.Equal(row.Text, (await SendProactivelyAsync(staff, row)).Text);
    }
}
