using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Conversation;

/// <summary>The bot behind every channel: welcomes newcomers, runs the conversation, saves state once per turn.</summary>
public sealed class RootBot(
    ConversationRunner runner,
    ConversationState conversationState,
    UserState userState,
    NoticeService notices,
    IHandoffStore handoffs,
    StaffTurnCommune staffCommune) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // A staff member acts for their own commune, whichever chat the turn came through.
        using var commune = staffCommune.Enter(turnContext);
        // An authenticated staff member's chat is remembered so that residents' questions can be forwarded to it.
        if (turnContext.StaffName() is not null)
        {
            handoffs.RememberStaffChat(turnContext.ChatAddress());
        }
        else
        {
            // A resident waiting for a person: the clerk following the conversation in the workspace sees this message too.
            notices.KeepResidentMessage(turnContext.ChatAddress(), turnContext.Activity.Text);
        }
        await runner.RunMessageAsync(turnContext, cancellationToken);
    }

    /// <summary>A resident who leaves the chat (Zalo's unfollow) gets no more notices.</summary>
    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersRemoved.Any(member => IsSomeoneElse(member, turnContext)))
        {
            notices.Unsubscribe(turnContext.ChatAddress());
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => IsSomeoneElse(member, turnContext)))
        {
            await runner.WelcomeAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>
    /// The bot handles no invoke (no Teams, no Adaptive Card actions): the client gets a 400 saying so, rather than the
    /// SDK's 501, which reads as a server fault.
    /// </summary>
    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse
        {
            Status = StatusCodes.Status400BadRequest,
            Body = new { title = ProblemTexts.InvokeNotHandledTitle, detail = TextTemplate.Fill(ProblemTexts.InvokeNotHandled, turnContext.Activity.Name) },
        });

    /// <summary>A member entry a client may send malformed (null, no id) is nobody.</summary>
    private static bool IsSomeoneElse(ChannelAccount? member, ITurnContext turnContext) =>
        !string.IsNullOrEmpty(member?.Id) && member.Id != turnContext.Activity.Recipient?.Id;
}
