using Microsoft.Bot.Builder;
using OneStopBot.Office.Communes;

namespace OneStopBot.Dialogs.Communes;

/// <summary>
/// The commune a channel vouches for a turn: the one a web chat token was signed for, or the one whose own Zalo OA
/// was written to. Set by the adapter from what the client cannot forge; nothing in the activity counts.
/// </summary>
public static class ChannelCommunes
{
    private const string Key = "OneStopBot.ChannelCommune";

    /// <summary>Set by the adapter before the bot runs.</summary>
    public static void SetChannelCommune(this ITurnContext context, Commune commune) => context.TurnState.Set(Key, commune);

    public static Commune? ChannelCommune(this ITurnContext context) => context.TurnState.Get<Commune>(Key);
}
