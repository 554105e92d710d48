using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Connector;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Conversation;
using OneStopBot.Bot.Edge;
using OneStopBot.Bot.Notices;
using OneStopBot.Bot.PublicPages;
using OneStopBot.Bot.Reminders;
using OneStopBot.Bot.State;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Bot.Telemetry;
using OneStopBot.Bot.WebChat;
using OneStopBot.Dialogs;
using OneStopBot.Knowledge;
using OneStopBot.Office;

namespace OneStopBot.Bot.Hosting;

public static class OneStopBotHostBuilderExtensions
{
    /// <summary>Everything the bot needs, for the web host and for the command-line verbs alike.</summary>
    public static IHostApplicationBuilder AddOneStopBot(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddRootSettingsFile();
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusedClientsAuthentication(sp.GetRequiredService<ConfigurationBotFrameworkAuthentication>()));
        services.AddTurnPipeline(configuration);
        services.AddConnectorSecurity(configuration);
        services.AddSingleton<ConnectorAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ConnectorAdapter>());

        services.AddBotState(configuration);
        services.AddTransient<IBot, RootBot>();

        services.AddEdgeRateLimits(configuration);
        services.AddAllowedHostNames(configuration);
        services.AddDirectLine(configuration);
        services.AddWebChat(configuration);
        services.AddProcedurePages();

        services.AddKnowledge(configuration);
        services.AddOffice(configuration);
        services.AddDialogs();
        services.AddZalo(configuration);
        services.AddNotices(configuration);
        services.AddReminders();
        services.AddStaffApi();
        // A status change, from the staff API, the workspace, a staff chat or the province's sync, tells the resident.
        services.AddDossierStatusNotices();
        services.AddStaffWorkspace(configuration);
        services.AddQuestionPages(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemResponses();
        builder.AddTelemetry();
        return builder;
    }

    /// <summary>
    /// The repository keeps one appsettings.json at its root; it is also copied beside the binaries, and that copy
    /// is the base that the content root's file, environment variables and the command line override.
    /// </summary>
    private static void AddRootSettingsFile(this IConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}
