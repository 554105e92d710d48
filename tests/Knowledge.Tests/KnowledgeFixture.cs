using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests;

/// <summary>The real catalog and one shared understanding service, built once for all tests (as in production).</summary>
public sealed class KnowledgeFixture
{
    public KnowledgeFixture()
    {
        Catalog = ProcedureCatalog.Load(RepositoryPaths.BuiltProcedures);
        Understanding = new MessageUnderstanding(Catalog);
    }

    public ProcedureCatalog Catalog { get; }

    public MessageUnderstanding Understanding { get; }
}

[CollectionDefinition(Name)]
public sealed class KnowledgeCollection : ICollectionFixture<KnowledgeFixture>
{
    public const string Name = "knowledge";
}
