using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;

namespace OneStopBot.Dialogs.Staff;

/// <summary>
/// A staff member's chat turn acts for the member's commune, whichever chat it came through: a clerk's commands read
/// and change their own commune's records only. A province administrator keeps the chat's commune, or their own, or the
/// first served.
/// </summary>
public sealed class StaffTurnCommune(IOptionsMonitor<StaffOptions> staff, StaffCommunes staffCommunes, CommuneContext communes)
{
    /// <summary>Enters the member's commune for the rest of the turn; null (nothing entered) for a resident's turn.</summary>
    public CommuneContext.Scope? Enter(ITurnContext context)
    {
        if (context.StaffName() is null)
        {
            return null;
        }
        var chat = context.ChatAddress();
        return staff.CurrentValue.Find(chat.ChannelId, chat.UserId) is { } member
            ? communes.Enter(staffCommunes.For(member, communes.CurrentOrNull?.Id))
            : null;
    }
}
