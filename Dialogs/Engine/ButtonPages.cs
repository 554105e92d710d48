using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OneStopBot.Dialogs.Engine;

/// <summary>The buttons last offered in a conversation that did not fit in one message, and the page of them shown.</summary>
public sealed record OfferedButtons(IReadOnlyList<string> Choices, int Page);

/// <summary>
/// At most <see cref="Replies.MaxButtons"/> buttons under any message of a turn: a longer list shows three and
/// "Khác…", which shows the next three. The list is kept in conversation state, apart from the dialogs, so the question
/// waiting for an answer is neither told nor changed: a button from any page answers it as if all had been shown.
/// </summary>
public sealed class ButtonPages(ConversationState conversationState)
{
    /// <summary>What comes with the next page of buttons.</summary>
    public const string NextPageText = "Anh/chị bấm một nút bên dưới:";

    private readonly IStatePropertyAccessor<OfferedButtons> accessor = conversationState.CreateProperty<OfferedButtons>(nameof(OfferedButtons));

    /// <summary>Pages the buttons of every message the turn sends from now on.</summary>
    public void Attach(ITurnContext turnContext) =>
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            foreach (var activity in activities)
            {
                await PageAsync(context, activity);
            }
            return await next();
        });

    /// <summary>When the message is "Khác…" under a list offered last, sends the list's next page; true when it did.</summary>
    public async Task<bool> TryNextPageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!IsMore(turnContext.Activity.Text) || await accessor.GetAsync(turnContext, () => null!, cancellationToken) is not { } offered)
        {
            return false;
        }
        var next = offered with { Page = offered.Page + 1 };
        await turnContext.SendActivityAsync(Replies.WithChoices(NextPageText, Replies.Page(next.Choices, next.Page)), cancellationToken);
        // Sending the page has let go of the list (its buttons fit): it is still the one offered.
        await accessor.SetAsync(turnContext, next, cancellationToken);
        return true;
    }

    private async Task PageAsync(ITurnContext context, Activity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }
        if (activity.SuggestedActions?.Actions is not { Count: > Replies.MaxButtons } actions)
        {
            // A newer message, which takes the buttons away: "Khác…" no longer refers to an older list. State this turn
            // never loaded (an apology for state that cannot be read) is not saved either, so there is nothing to forget.
            if (conversationState.GetCachedState(context) is not null)
            {
                await accessor.DeleteAsync(context);
            }
            return;
        }
        var titles = actions.Select(action => action.Title ?? action.Value?.ToString() ?? string.Empty).ToList();
        await accessor.SetAsync(context, new OfferedButtons(titles, 0));
        activity.SuggestedActions = Replies.WithChoices(string.Empty, Replies.Page(titles, 0)).SuggestedActions;
    }

    /// <summary>Whether the message is the <see cref="Replies.More"/> button, or typed as it ("khac").</summary>
    private static bool IsMore(string? text) =>
        UserText.Fold(text ?? string.Empty).Trim(' ', '.', '…') == UserText.Fold(Replies.More).Trim(' ', '.', '…');
}
