using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OneStopBot.Bot.Channels.Connector;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Edge;
using OneStopBot.Bot.Notices;
using OneStopBot.Bot.PublicPages;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Bot.WebChat;

namespace OneStopBot.Bot.Hosting;

public static class BotEndpoints
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.UseForwardedClientAddress();
        app.UseAllowedHostNames();
        app.UseProblemResponses();
        // Before routing: a commune's address (/xa/{id}/…) becomes the base path of the pages it serves.
        app.UseCommuneAddresses();
        // The web chat's stream is a WebSocket: accepted here, once, for the endpoint that takes it.
        app.UseWebSockets();
        // Placed here rather than where the host would add them, so that their 401, 404 and 429 get a body too.
        app.UseRouting();
        // Before the limits (endpoint filters), so that a portal's preflight (OPTIONS) is answered without counting.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteAsync });
        app.MapPost("/api/messages", ConnectorEndpoint.HandleAsync);
        if (app.Services.GetRequiredService<ConnectorSecurity>().IsAnonymous)
        {
            app.Logger.LogWarning(
                "MicrosoftAppId is empty: /api/messages runs without authentication for local testing, from loopback callers and serviceUrls only");
        }
        app.MapDirectLine();
        app.MapWebChat();
        app.MapProcedurePages();
        app.MapStaffWeb();
        app.MapZalo();

        var staff = app.MapStaffApi();
        staff.MapNoticeEndpoints();
        staff.MapDossierEndpoints();
        staff.MapQuestionEndpoints();
        staff.MapBackupEndpoints();
        app.MapStaffApiReference();
        return app;
    }
}
