using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Handoff;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Tests.Infrastructure;

/// <summary>A conversation with the root of the bot over the SDK's TestAdapter, its state in MemoryStorage.</summary>
public sealed class ConversationHarness
{
    public static readonly OfficeOptions Office = new()
    {
        OfficeName = "Bộ phận một cửa UBND xã Thử Nghiệm",
        CommuneName = "xã Thử Nghiệm",
        Phone = "0235 3000 111",
        WorkingHours = "7:30–17:00, thứ Hai đến thứ Sáu",
        Address = "thôn Trung Tâm",
        Villages = ["Thôn Trung Tâm", "Thôn A Dớt", "Thôn Pa Lai"],
    };

    private readonly ConversationRunner runner;
    private readonly ConversationState conversationState;

    public ConversationHarness(IStorage storage, params Dialog[] dialogs)
    {
        Storage = storage;
        conversationState = new ConversationState(storage);
        var talkToStaff = new TalkToStaffDialog(Options.Create(Office));
        runner = new ConversationRunner(new DialogSet([talkToStaff, .. dialogs]), conversationState, new RootRouter(), Options.Create(Office));
    }

    public ConversationHarness(params Dialog[] dialogs)
        : this(new MemoryStorage(), dialogs)
    {
    }

    public IStorage Storage { get; }

    public TestAdapter Adapter { get; } = new(TestAdapter.CreateConversation("harness"));

    public TestFlow Flow() => new(Adapter, TurnAsync);

    private async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            await runner.RunMessageAsync(turnContext, cancellationToken);
        }
        else if (turnContext.Activity.Type == ActivityTypes.ConversationUpdate)
        {
            await runner.WelcomeAsync(turnContext, cancellationToken);
        }
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }
}

public static class TestFlowExtensions
{
    /// <summary>Expects a reply whose text contains <paramref name="expected"/> (case-sensitive).</summary>
    public static TestFlow AssertReplyContains(this TestFlow flow, string expected) =>
        flow.AssertReply(activity => Assert.Contains(expected, ((IMessageActivity)activity).Text, StringComparison.Ordinal));

    /// <summary>Expects a reply offering exactly these buttons.</summary>
    public static TestFlow AssertReplyWithButtons(this TestFlow flow, string expectedText, params string[] buttons) =>
        flow.AssertReply(activity =>
        {
            var message = (IMessageActivity)activity;
            Assert.Contains(expectedText, message.Text, StringComparison.Ordinal);
            Assert.Equal(buttons, message.SuggestedActions?.Actions.Select(a => a.Title) ?? []);
        });
}
