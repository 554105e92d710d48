using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Root;

namespace OneStopBot.Bot.Conversation;

/// <summary>The bot behind every channel: welcomes newcomers, runs the conversation, saves state once per turn.</summary>
public sealed class RootBot(ConversationRunner runner, ConversationState conversationState, UserState userState) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        runner.RunMessageAsync(turnContext, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await runner.WelcomeAsync(turnContext, cancellationToken);
        }
    }
}
