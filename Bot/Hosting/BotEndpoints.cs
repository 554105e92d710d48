using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OneStopBot.Bot.Channels.Connector;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Notices;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.WebChat;

namespace OneStopBot.Bot.Hosting;

public static class BotEndpoints
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.UseProblemResponses();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteAsync });
        app.MapPost("/api/messages", ConnectorEndpoint.HandleAsync);
        app.MapDirectLine();
        app.MapWebChat();
        app.MapZalo();

        var staff = app.MapStaffApi();
        staff.MapNoticeEndpoints();
        staff.MapDossierEndpoints();
        staff.MapQuestionEndpoints();
        staff.MapBackupEndpoints();
        return app;
    }
}
