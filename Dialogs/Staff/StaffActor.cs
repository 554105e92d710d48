using Microsoft.Bot.Builder;
using OneStopBot.Office.Staff;

namespace OneStopBot.Dialogs.Staff;

/// <summary>Who a staff member is in the audit log and a dossier's history: their configured name, or their chat account.</summary>
public static class StaffActor
{
    public static string Of(ITurnContext context, StaffOptions staff)
    {
        var channel = context.Activity.ChannelId ?? string.Empty;
        var user = context.Activity.From?.Id ?? string.Empty;
        var member = staff.Members.FirstOrDefault(m => string.Equals(m.Channel, channel, StringComparison.OrdinalIgnoreCase) && m.UserId == user);
        return member is { Name.Length: > 0 } ? member.Name : channel + ":" + user;
    }
}
