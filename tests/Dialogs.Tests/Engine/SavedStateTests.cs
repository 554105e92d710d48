using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;

using static OneStopBot.Dialogs.Tests.Engine.SavedConversation;

namespace OneStopBot.Dialogs.Tests.Engine;

/// <summary>
/// A conversation saved before a deploy that changed its dialog starts again politely with the menu: never resumed at
/// a wrong step, never a crash. Engine/Saved holds state as the engine saved it before positions had names.
/// </summary>
public sealed class SavedStateTests : IDisposable
{
    private readonly List<ConversationHarness> harnesses = [];

    public void Dispose() => harnesses.ForEach(h => h.Dispose());

    private ConversationHarness Harness(IStorage storage, SampleSteps? sample = null)
    {
        var time = new FakeTimeProvider(ConversationHarness.DefaultStart);
        var harness = sample is { } steps
            ? new ConversationHarness(storage, time: time, replace: new SampleRegistrationDialog(time, steps))
            : new ConversationHarness(storage, time: time);
        harnesses.Add(harness);
        return harness;
    }

    public static TestFlow AssertRestarted(TestFlow flow) => flow.AssertReplyWithButtons(RootTexts.Restarted, [.. MainMenu.Items]);

    [Fact]
    public async Task A_stack_saved_with_step_indexes_starts_again_with_the_menu_then_works()
    {
        var saved = Load("stack-at-phone.json");

        // The phone number the saved question asked for.
        await AssertRestarted(Harness(new MemoryStorage(saved)).Flow().Send("0912345621"))
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("retired.dialog")]
    [InlineData("submit.oldPhone")]
    public Task A_stack_with_a_dialog_no_longer_registered_starts_again_with_the_menu(string id) =>
        AssertRestarted(Harness(new MemoryStorage(Load("stack-at-phone.json", state => Instances(state, "DialogStack")[^1]!["Id"] = id))).Flow()
            .Send("0912345621"))
            .StartTestAsync();

    [Fact]
    public async Task A_stack_stamped_with_todays_version_but_an_index_position_starts_again()
    {
        var saved = Load("stack-at-phone.json");
        var harness = Harness(new MemoryStorage(saved));
        var dialogs = harness.Get<DialogSet>();
        foreach (var instance in Instances(saved[Key], "DialogStack"))
        {
            instance["Version"] = dialogs.Find((string)instance["Id"]!).Version;
        }

        await AssertRestarted(harness.Flow().Send("0912345621")).StartTestAsync();
    }

    [Theory]
    [InlineData(SampleSteps.Today, SampleRegistrationDialog.AskDay)]
    [InlineData(SampleSteps.Renamed, RootTexts.Restarted)]
    [InlineData(SampleSteps.Added, RootTexts.Restarted)]
    [InlineData(SampleSteps.Removed, RootTexts.Restarted)]
    [InlineData(SampleSteps.Reordered, RootTexts.Restarted)]
    public async Task A_stack_saved_before_a_deploy_goes_on_only_when_the_steps_are_the_same(SampleSteps deployed, string reply)
    {
        var storage = new MemoryStorage();
        await Harness(storage, SampleSteps.Today).Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .StartTestAsync();

        // The bot after a deploy, over the same storage.
        await Harness(storage, deployed).Flow()
            .Send("0912345678").AssertReplyContains(reply)
            .StartTestAsync();
    }

    [Fact]
    public async Task The_saved_position_is_the_step_name_and_the_instance_carries_the_dialog_version()
    {
        var saved = new Dictionary<string, JObject>();
        var harness = Harness(new MemoryStorage(saved), SampleSteps.Today);
        await harness.Flow()
            .Send("Nộp hồ sơ trước").AssertReply(SampleRegistrationDialog.AskName)
            .Send("Hồ Văn A").AssertReply(SampleRegistrationDialog.AskPhone)
            .StartTestAsync();

        var outer = Instances(saved[Key], "DialogStack")[0];
        Assert.Equal("AskPhoneStepAsync", (string?)outer["State"]!["Step"]);
        Assert.Equal(harness.Get<DialogSet>().Find(DialogIds.PreRegister).Version, (string?)outer["Version"]);
    }

    [Fact]
    public async Task A_kept_draft_saved_with_step_indexes_is_discarded_with_the_menu_when_resumed()
    {
        var saved = Load("draft-at-village.json");

        await AssertRestarted(Harness(new MemoryStorage(saved)).Flow().Send(DialogDrafts.ResumeButton(PreRegisterTexts.Purpose)))
            .StartTestAsync();

        Assert.False(HasDraft(saved[Key]));
    }

    [Fact]
    public async Task A_kept_draft_never_offered_that_no_longer_fits_is_dropped_without_an_offer()
    {
        var saved = Load("draft-at-village.json", state => state["DialogDraft"]!["Offered"] = false);

        var replies = await Harness(new MemoryStorage(saved)).SayAsync("địa chỉ ủy ban ở đâu");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, reply => reply.Text.Contains("dở", StringComparison.Ordinal));
        Assert.False(HasDraft(saved[Key]));
    }
}
