using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The procedure catalog, message understanding and procedure search, as singletons (the host disposes the index).
    /// The catalog is loaded when the host starts, so a broken procedure file stops start-up with its name, field and
    /// reason.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section))
            .Validate(o => Directory.Exists(o.ResolveProceduresPath()),
                "Knowledge:ProceduresPath must be an existing folder of procedure files, or empty for the one beside the program.")
            .ValidateOnStart();
        services.AddSingleton(sp => ProcedureCatalog.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveProceduresPath()));
        services.AddSingleton(sp => new MessageUnderstanding(sp.GetRequiredService<ProcedureCatalog>()));
        // The model in use: the catalog's, or retrained with the approved examples it was last accepted with.
        services.TryAddSingleton<ILearnedExamples, NoLearnedExamples>();
        services.AddSingleton(sp => sp.GetRequiredService<ILearnedExamples>().InUse() is { Count: > 0 } learned
            ? new LiveUnderstanding(LearnedExample.Train(sp.GetRequiredService<ProcedureCatalog>(), learned))
            : new LiveUnderstanding(sp.GetRequiredService<MessageUnderstanding>()));
        services.AddSingleton(sp => new ProcedureIndex(sp.GetRequiredService<ProcedureCatalog>()));
        services.AddHostedService<KnowledgeWarmUp>();
        return services;
    }

    // Loads the catalog, trains the understanding and builds the index at start-up rather than on the first message.
    private sealed class KnowledgeWarmUp(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<LiveUnderstanding>();
            services.GetRequiredService<ProcedureIndex>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
