namespace OneStopBot.Bot.Channels.Turns;

/// <summary>
/// The one rule for cancelling a turn, on every channel (Connector, Direct Line, Zalo): only the host stopping cancels
/// it. A caller that goes away (a closed tab, a dropped connection, a channel that stopped waiting) does not, since a
/// turn cut in half loses its saved state; the Zalo inbox runs its turns with its worker's stopping token, which is this.
/// </summary>
public static class TurnCancellation
{
    public static CancellationToken Of(HttpContext http) =>
        http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
}
