using OneStopBot.Bot.Hosting;

if (CommandLineVerbs.TryFind(args, out var verb))
{
    return await verb(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOneStopBot();
StartupBanner.QuietStartFailures(builder);
if (DatabaseStartCheck.Problem(builder.Configuration) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

var app = builder.Build();
app.MapBotEndpoints();
return await StartupBanner.RunAsync(app);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
