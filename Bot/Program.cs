using OneStopBot.Bot.Hosting;

if (CommandLineVerbs.TryFind(args, out var verb))
{
    return await verb(args);
}

var app = StartupChecks.Build(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOneStopBot();
    StartupBanner.QuietStartFailures(builder);
    return builder.Build();
});
if (app is null || StartupChecks.Report(StartupChecks.Problems(app.Services, app.Configuration)))
{
    return StartupChecks.ExitCode;
}
app.MapBotEndpoints();
return await StartupBanner.RunAsync(app);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
