using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Engine;
using OneStopBot.Dialogs.Tests.Infrastructure;
using static OneStopBot.Dialogs.Tests.Engine.SavedConversation;

namespace OneStopBot.Dialogs.Tests.Security;

/// <summary>
/// Conversation state in shapes the engine never writes (edited by hand, damaged, written by another build) replayed
/// against a turn: the conversation starts again politely with the menu, never a crash or a loop, and then works.
/// </summary>
public sealed class SavedStateAttackTests : IDisposable
{
    private readonly List<ConversationHarness> harnesses = [];

    public void Dispose() => harnesses.ForEach(h => h.Dispose());

    /// <summary>Each change to the saved stack, given today's dialogs (to stamp today's versions where the damage is elsewhere).</summary>
    private static readonly Dictionary<string, Action<JObject, DialogSet>> Damage = new()
    {
        ["position is an object"] = (state, dialogs) => Stamp(state, dialogs)[0]["State"]!["Step"] = new JObject { ["x"] = 1 },
        ["position is a long unknown name"] = (state, dialogs) => Stamp(state, dialogs)[0]["State"]!["Step"] = new string('A', 200_000),
        ["values are missing"] = (state, dialogs) => ((JObject)Stamp(state, dialogs)[0]["State"]!).Remove("Values"),
        ["state is null"] = (state, dialogs) => Stamp(state, dialogs)[1]["State"] = JValue.CreateNull(),
        ["no id"] = (state, dialogs) => ((JObject)Stamp(state, dialogs)[1]).Remove("Id"),
        ["an instance is null"] = (state, dialogs) => Stamp(state, dialogs).Add(JValue.CreateNull()),
        ["the list is null"] = (state, _) => state["DialogStack"]!["Instances"] = JValue.CreateNull(),
        ["another dialog's version"] = (state, dialogs) => Stamp(state, dialogs)[0]["Version"] = dialogs.Find("status").Version,
    };

    /// <summary>Stamps each saved instance with today's version of its dialog, so that only the damage done after differs.</summary>
    private static JArray Stamp(JObject state, DialogSet dialogs)
    {
        var instances = Instances(state, "DialogStack");
        foreach (var instance in instances)
        {
            instance["Version"] = dialogs.Find((string)instance["Id"]!).Version;
        }
        return instances;
    }

    public static TheoryData<string> Damages => [.. Damage.Keys];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_stack_starts_again_with_the_menu_then_works(string damage)
    {
        var saved = Load("stack-at-phone.json");
        var harness = new ConversationHarness(new MemoryStorage(saved));
        harnesses.Add(harness);
        Damage[damage](saved[Key], harness.Get<DialogSet>());

        await SavedStateTests.AssertRestarted(harness.Flow().Send("0912345621"))
            .Send("Nộp hồ sơ trước").AssertReply(PreRegisterTexts.AskProcedure)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("no list")]
    [InlineData("an instance is null")]
    [InlineData("stamped today, at an index")]
    public async Task A_damaged_draft_is_dropped_with_the_menu_when_resumed(string damage)
    {
        var saved = Load("draft-at-village.json");
        var harness = new ConversationHarness(new MemoryStorage(saved));
        harnesses.Add(harness);
        var draft = saved[Key]["DialogDraft"]!;
        var dialogs = harness.Get<DialogSet>();
        switch (damage)
        {
            case "no list":
                draft["Instances"] = JValue.CreateNull();
                break;
            case "an instance is null":
                Instances(saved[Key], "DialogDraft").Add(JValue.CreateNull());
                break;
            default:
                foreach (var instance in Instances(saved[Key], "DialogDraft"))
                {
                    instance["Version"] = dialogs.Find((string)instance["Id"]!).Version;
                }
                break;
        }

        await SavedStateTests.AssertRestarted(harness.Flow().Send(DialogDrafts.ResumeButton(PreRegisterTexts.Purpose)))
            .StartTestAsync();
        Assert.False(HasDraft(saved[Key]));
    }
}
