using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OneStopBot.Bot.Conversation;

public sealed class RootBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("Xin chào"), cancellationToken);
}
