using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests;

public sealed class KnowledgeServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Registers_the_catalog_and_understanding_as_singletons_loaded_at_start()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Knowledge:ProceduresPath"] = "" });

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var catalog = provider.GetRequiredService<ProcedureCatalog>();
        Assert.Same(catalog, provider.GetRequiredService<ProcedureCatalog>());
        Assert.Same(provider.GetRequiredService<MessageUnderstanding>(), provider.GetRequiredService<MessageUnderstanding>());
        Assert.Equal(28, catalog.Count);
    }

    [Fact]
    public void The_procedure_index_is_one_for_the_process_and_closed_with_it()
    {
        var provider = Build(new Dictionary<string, string?> { ["Knowledge:ProceduresPath"] = "" });
        var index = provider.GetRequiredService<ProcedureIndex>();
        Assert.Same(index, provider.GetRequiredService<ProcedureIndex>());
        Assert.Contains("khai-sinh", index.Suggest("giấy chứng sinh", 3));

        provider.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => index.Suggest("giấy chứng sinh", 3));
    }

    [Fact]
    public async Task A_configured_folder_is_used_and_its_errors_stop_start_up()
    {
        using var files = new ProcedureFiles().Add("p.yaml", "id: p\n");
        using var provider = Build(new Dictionary<string, string?> { ["Knowledge:ProceduresPath"] = files.Directory });
        var warmUp = Assert.Single(provider.GetServices<IHostedService>());

        var error = await Assert.ThrowsAsync<ProcedureCatalogException>(() => warmUp.StartAsync(CancellationToken.None));

        Assert.Equal("p.yaml", error.File);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddKnowledge(configuration).BuildServiceProvider();
    }
}
