using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Office.Communes;

namespace OneStopBot.Dialogs.Communes;

/// <summary>
/// Enters the turn's commune before the bot runs, on every channel: the one the channel vouches for (a web chat
/// token's, a commune's own Zalo OA), the one commune of a one-commune deployment, or the one the chat has said.
/// Everything the turn reads or writes is then that commune's.
/// </summary>
public sealed class CommuneTurns(CommuneDirectory directory, CommuneContext communes, CommuneQuestion question) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var commune = turnContext.ChannelCommune() ?? directory.Single;
        // A notice or reply sent later is sent by whoever entered its record's commune; staff act for their own.
        if (commune is null && (turnContext.Activity.IsContinuation() || turnContext.StaffName() is not null))
        {
            await next(cancellationToken);
            return;
        }
        commune ??= await question.CommuneOfAsync(turnContext, cancellationToken);
        if (commune is null)
        {
            return;
        }
        using var scope = communes.Enter(commune);
        await next(cancellationToken);
    }
}
