using Microsoft.Bot.Builder;
using OneStopBot.Bot.Channels.Connector;
using OneStopBot.Bot.Staff;

namespace OneStopBot.Bot.Hosting;

public static class BotEndpoints
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapPost("/api/messages", ConnectorEndpoint.HandleAsync);

        var staff = app.MapStaffApi();
        staff.MapDossierEndpoints();
        return app;
    }
}
