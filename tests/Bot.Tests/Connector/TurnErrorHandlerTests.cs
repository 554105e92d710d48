using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Logging.Abstractions;
using OneStopBot.Bot.Channels;

namespace OneStopBot.Bot.Tests.Connector;

public class TurnErrorHandlerTests
{
    [Fact]
    public async Task A_failed_turn_apologises_in_vietnamese_and_keeps_what_the_conversation_had_saved()
    {
        var storage = new MemoryStorage();
        var (adapter, conversationState) = Create(storage);
        var step = conversationState.CreateProperty<string>("step");

        await new TestFlow(adapter, FailingBot(conversationState, step))
            .Send("ghi").AssertReply("đã ghi")
            .Send("lỗi").AssertReply(TurnErrorHandler.Apology)
            .Send("đọc").AssertReply("đang làm dở")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_failed_turn_over_unreadable_state_deletes_that_state()
    {
        var storage = new UnreadableStorage();
        var (adapter, conversationState) = Create(storage);

        await new TestFlow(adapter, (_, _) => throw new InvalidOperationException("hỏng"))
            .Send("lỗi").AssertReply(TurnErrorHandler.Apology)
            .StartTestAsync();

        Assert.Equal([$"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}"], storage.Deleted);
    }

    private static (TestAdapter Adapter, ConversationState State) Create(IStorage storage)
    {
        var conversationState = new ConversationState(storage);
        var handler = new TurnErrorHandler(conversationState, NullLogger<TurnErrorHandler>.Instance);
        return (new TestAdapter(TestAdapter.CreateConversation("failing")) { OnTurnError = handler.HandleAsync }, conversationState);
    }

    private static BotCallbackHandler FailingBot(ConversationState conversationState, IStatePropertyAccessor<string> step) =>
        async (turn, cancellationToken) =>
        {
            switch (turn.Activity.Text)
            {
                case "ghi":
                    await step.SetAsync(turn, "đang làm dở", cancellationToken);
                    await conversationState.SaveChangesAsync(turn, cancellationToken: cancellationToken);
                    await turn.SendActivityAsync("đã ghi", cancellationToken: cancellationToken);
                    return;
                case "đọc":
                    await turn.SendActivityAsync(await step.GetAsync(turn, () => "trống", cancellationToken), cancellationToken: cancellationToken);
                    return;
                default:
                    // The turn changes the state in memory, then fails before saving it.
                    await step.SetAsync(turn, "hỏng giữa chừng", cancellationToken);
                    throw new InvalidOperationException("hỏng");
            }
        };

    /// <summary>A store whose every read fails, as a corrupt state document would.</summary>
    private sealed class UnreadableStorage : IStorage
    {
        public List<string> Deleted { get; } = [];

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new Newtonsoft.Json.JsonSerializationException("unreadable");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Deleted.AddRange(keys);
            return Task.CompletedTask;
        }
    }
}
