using OneStopBot.Bot.Hosting;

if (CommandLineVerbs.TryFind(args, out var verb))
{
    return await verb(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOneStopBot();
StartupBanner.QuietStartFailures(builder);

var app = builder.Build();
if (StartupChecks.Report(StartupChecks.Problems(app.Services, app.Configuration)))
{
    return StartupChecks.ExitCode;
}
app.MapBotEndpoints();
return await StartupBanner.RunAsync(app);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
