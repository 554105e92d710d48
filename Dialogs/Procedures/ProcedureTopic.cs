using Microsoft.Bot.Builder;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>The procedure a conversation is about, so that "mất bao lâu" after khai sinh means khai sinh.</summary>
public sealed record TopicState(string? ProcedureId);

public sealed class ProcedureTopic(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<TopicState> accessor = conversationState.CreateProperty<TopicState>(nameof(TopicState));

    public async Task<string?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await accessor.GetAsync(turnContext, () => new TopicState(null), cancellationToken)).ProcedureId;

    public Task SetAsync(ITurnContext turnContext, string? procedureId, CancellationToken cancellationToken) =>
        accessor.SetAsync(turnContext, new TopicState(procedureId), cancellationToken);
}
