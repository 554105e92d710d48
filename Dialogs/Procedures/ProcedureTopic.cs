using Microsoft.Bot.Builder;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>
/// The procedure a conversation is about, so that "mất bao lâu" after khai sinh means khai sinh, and the aspect last
/// answered about it, so that "còn kết hôn thì sao" after the fee of khai sinh asks the fee of kết hôn.
/// <paramref name="UnderWay"/>: the bot has answered a message of this conversation, so "chào em" takes leave.
/// </summary>
public sealed record TopicState(string? ProcedureId, ProcedureAspect Aspect = ProcedureAspect.None, bool UnderWay = false);

public sealed class ProcedureTopic(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<TopicState> accessor = conversationState.CreateProperty<TopicState>(nameof(TopicState));

    public async Task<string?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await ReadAsync(turnContext, cancellationToken)).ProcedureId;

    public Task<TopicState> ReadAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        accessor.GetAsync(turnContext, () => new TopicState(null), cancellationToken);

    public async Task SetAsync(ITurnContext turnContext, string? procedureId, CancellationToken cancellationToken, ProcedureAspect aspect = ProcedureAspect.None)
    {
        var current = await ReadAsync(turnContext, cancellationToken);
        await accessor.SetAsync(turnContext, current with { ProcedureId = procedureId, Aspect = aspect }, cancellationToken);
    }

    /// <summary>The bot has answered a message of this conversation.</summary>
    public async Task MarkUnderWayAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(turnContext, cancellationToken);
        if (!current.UnderWay)
        {
            await accessor.SetAsync(turnContext, current with { UnderWay = true }, cancellationToken);
        }
    }
}
