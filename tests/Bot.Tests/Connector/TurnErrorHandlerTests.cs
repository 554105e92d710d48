using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Logging.Abstractions;
using OneStopBot.Bot.Channels;

namespace OneStopBot.Bot.Tests.Connector;

public class TurnErrorHandlerTests
{
    [Fact]
    public async Task A_failed_turn_apologises_in_vietnamese_and_clears_the_conversation_state()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var handler = new TurnErrorHandler(conversationState, NullLogger<TurnErrorHandler>.Instance);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("failing")) { OnTurnError = handler.HandleAsync };
        var step = conversationState.CreateProperty<string>("step");

        await new TestFlow(adapter, async (turn, cancellationToken) =>
            {
                if (turn.Activity.Text == "ghi")
                {
                    await step.SetAsync(turn, "đang làm dở", cancellationToken);
                    await conversationState.SaveChangesAsync(turn, cancellationToken: cancellationToken);
                    await turn.SendActivityAsync("đã ghi", cancellationToken: cancellationToken);
                    return;
                }
                throw new InvalidOperationException("hỏng");
            })
            .Send("ghi").AssertReply("đã ghi")
            .Send("lỗi").AssertReply(TurnErrorHandler.Apology)
            .StartTestAsync();

        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        Assert.Empty(await storage.ReadAsync([key], CancellationToken.None));
    }
}
