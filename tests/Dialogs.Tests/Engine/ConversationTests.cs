using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Engine;

public sealed class ConversationTests : IDisposable
{
    private readonly List<ConversationHarness> harnesses = [];

    private ConversationHarness Harness(IStorage? storage = null)
    {
        var time = new FakeTimeProvider(ConversationHarness.DefaultStart);
        var harness = new ConversationHarness(storage, time: time, replace: new SampleRegistrationDialog(time));
        harnesses.Add(harness);
        return harness;
    }

    public void Dispose() => harnesses.ForEach(h => h.Dispose());

    [Fact]
    public Task A_new_conversation_is_welcomed_with_the_main_menu() =>
        Harness().Flow()
            .Send(new Microsoft.Bot.Schema.Activity
            {
                Type = Microsoft.Bot.Schema.ActivityTypes.ConversationUpdate,
                MembersAdded = [new Microsoft.Bot.Schema.ChannelAccount("user1")],
            })
            .AssertReplyWithButtons("Chào anh/chị", [.. MainMenu.Items])
            .StartTestAsync();

    [Fact]
    public Task A_waterfall_walks_every_prompt_and_keeps_typed_values_between_turns() =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .Send("+84 912 345 678").AssertReplyWithButtons(SampleRegistrationDialog.AskDay, "Ngày mai")
            .Send("thu hai").AssertReplyWithButtons(SampleRegistrationDialog.AskConfirm, "Có", "Không")
            .Send("co").AssertReply($"{SampleRegistrationDialog.Done}: Hồ Văn A, 0912345678, 30/11/2026")
            .StartTestAsync();

    [Fact]
    public Task Menu_labels_are_understood_without_diacritics() =>
        Harness().Flow()
            .Send("nop ho so truoc").AssertReply(SampleRegistrationDialog.AskName)
            .StartTestAsync();

    [Fact]
    public Task A_wrong_answer_is_asked_again_kindly_with_the_validator_message() =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .Send("0912345678").AssertReply(SampleRegistrationDialog.AskDay)
            .Send("chủ nhật").AssertReply(SampleRegistrationDialog.NotAWorkingDay)
            .Send("ngày mai").AssertReply(SampleRegistrationDialog.AskConfirm)
            .StartTestAsync();

    [Theory]
    [InlineData("huỷ")]
    [InlineData("hủy")]
    [InlineData("huy")]
    [InlineData("dừng")]
    [InlineData("cancel")]
    [InlineData("thôi")]
    public Task Cancel_words_stop_the_dialog_at_any_step_and_bring_the_menu_back(string word) =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .Send(word).AssertReplyWithButtons("đã dừng", [.. MainMenu.Items])
            .Send("0912345678").AssertReplyContains("chưa tìm thấy")
            .StartTestAsync();

    [Fact]
    public Task Thoi_answers_no_when_the_question_is_yes_or_no() =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .Send("0912345678").AssertReply(SampleRegistrationDialog.AskDay)
            .Send("mai").AssertReply(SampleRegistrationDialog.AskConfirm)
            .Send("thôi").AssertReply(SampleRegistrationDialog.NotSent)
            .StartTestAsync();

    [Fact]
    public Task Help_explains_then_asks_the_pending_question_again() =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("giúp").AssertReplyContains("Em giúp được")
            .AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .StartTestAsync();

    [Fact]
    public Task After_too_many_answers_not_understood_the_prompt_offers_a_person_and_keeps_waiting() =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .Send("abc").AssertReply(activity => Assert.Null(((Microsoft.Bot.Schema.IMessageActivity)activity).SuggestedActions))
            .Send("xyz").AssertReplyWithButtons("10 số", MainMenu.TalkToStaff)
            .Send("uvw").AssertReplyWithButtons("10 số", MainMenu.TalkToStaff)
            .Send("0912345678").AssertReplyWithButtons(SampleRegistrationDialog.AskDay, "Ngày mai")
            .StartTestAsync();

    [Fact]
    public Task Talk_to_a_person_interrupts_any_dialog() =>
        Harness().Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("gặp cán bộ").AssertReply(activity =>
                Assert.Contains("gọi", ((Microsoft.Bot.Schema.IMessageActivity)activity).Text, StringComparison.Ordinal))
            .StartTestAsync();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public Task An_empty_message_gets_a_polite_answer(string text) =>
        Harness().Flow()
            .Send(text).AssertReplyContains("gõ câu hỏi bằng chữ")
            .StartTestAsync();

    [Fact]
    public async Task The_dialog_stack_survives_in_storage_between_bot_instances()
    {
        var storage = new MemoryStorage();
        await Harness(storage).Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .StartTestAsync();

        // A second harness over the same storage plays the bot after a restart.
        await Harness(storage).Flow()
            .Send("0912345678").AssertReply(SampleRegistrationDialog.AskDay)
            .StartTestAsync();
    }
}
