using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Identity;

namespace OneStopBot.Dialogs.Staff;

/// <summary>Who a staff member is in the audit log and a dossier's history: the authenticated staff member of the turn.</summary>
public static class StaffActor
{
    public static string Of(ITurnContext context) =>
        context.StaffName() ?? throw new InvalidOperationException("Staff dialogs run only for an authenticated staff member.");
}
