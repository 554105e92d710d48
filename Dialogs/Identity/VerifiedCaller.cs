using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;

namespace OneStopBot.Dialogs.Identity;

/// <summary>
/// Who the channel adapter has established the caller to be, from what the caller cannot forge (a signed token,
/// a signed webhook, a JWT). Nothing in the activity itself counts: a turn without one is anonymous.
/// </summary>
/// <param name="Source">What limits on guessing count against: an IP for the web chat, the channel user elsewhere.</param>
/// <param name="StaffName">The staff member signed in, for staff rights and the audit log; null for residents.</param>
public sealed record VerifiedCaller(string Source, string? StaffName = null)
{
    /// <summary>A user the channel itself authenticates (a JWT channel, a signed webhook): staff when listed for that channel.</summary>
    public static VerifiedCaller ChannelUser(ChatAddress chat, StaffOptions staff) =>
        new(chat.Key, staff.StaffNameOf(chat.ChannelId, chat.UserId));
}

public static class VerifiedCallers
{
    private const string Key = "OneStopBot.VerifiedCaller";

    /// <summary>Set by the adapter before the bot runs.</summary>
    public static void SetVerifiedCaller(this ITurnContext context, VerifiedCaller caller) => context.TurnState.Set(Key, caller);

    public static VerifiedCaller? VerifiedCaller(this ITurnContext context) => context.TurnState.Get<VerifiedCaller>(Key);

    /// <summary>The authenticated staff member of this turn, or null.</summary>
    public static string? StaffName(this ITurnContext context) => context.VerifiedCaller()?.StaffName;

    /// <summary>What lookups from this turn are limited by: the verified source, or else the chat.</summary>
    public static string LookupSource(this ITurnContext context) =>
        context.VerifiedCaller()?.Source ?? context.ChatAddress().Key;
}
