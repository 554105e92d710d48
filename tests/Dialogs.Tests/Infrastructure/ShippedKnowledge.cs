using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Tests.Infrastructure;

/// <summary>
/// The shipped procedure catalog, its understanding and its search index, loaded once per test process. Each is
/// immutable (the index is read-only), so every conversation and host whose test is not about loading them shares
/// them, instead of each reading the files and the model and building an index of its own.
/// </summary>
public static class ShippedKnowledge
{
    private static readonly Lazy<ProcedureCatalog> SharedCatalog = new(() => Loaded(() => ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath)));
    private static readonly Lazy<MessageUnderstanding> SharedUnderstanding = new(() => Loaded(() => new MessageUnderstanding(SharedCatalog.Value)));
    private static readonly Lazy<ProcedureIndex> SharedIndex = new(() => Loaded(() => new ProcedureIndex(SharedCatalog.Value)));

    public static ProcedureCatalog Catalog => SharedCatalog.Value;

    public static MessageUnderstanding Understanding => SharedUnderstanding.Value;

    public static ProcedureIndex Index => SharedIndex.Value;

    // Loaded outside the caller's execution context: the first load may happen while a test host is being built, and
    // Lucene's static settings keep the context they were first read in, which would keep that host for the whole run.
    private static T Loaded<T>(Func<T> load)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return load();
        }
    }

    /// <summary>
    /// Puts the shared objects in place of those <c>AddKnowledge</c> would load. They are registered as instances, so
    /// a container that is disposed leaves them to the next one.
    /// </summary>
    public static IServiceCollection UseShippedKnowledge(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(Catalog));
        services.Replace(ServiceDescriptor.Singleton(Understanding));
        services.Replace(ServiceDescriptor.Singleton(Index));
        return services;
    }
}
