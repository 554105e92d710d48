using BenchmarkDotNet.Attributes;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Benchmarks;

/// <summary>Loading the whole knowledge base (target: under 500 ms), against only reading the files.</summary>
public class KnowledgeLoadBenchmarks
{
    private readonly string folder = KnowledgeOptions.DefaultProceduresPath;

    [Benchmark(Baseline = true)]
    public int ReadFiles() => Directory.GetFiles(folder, "*.yaml").Sum(path => File.ReadAllText(path).Length);

    [Benchmark]
    public ProcedureCatalog LoadCatalog() => ProcedureCatalog.Load(folder);

    [Benchmark]
    public int LoadCatalogAndBuildIndex()
    {
        using var understanding = new MessageUnderstanding(ProcedureCatalog.Load(folder));
        return understanding.Understand("khai sinh").Alternatives.Count;
    }
}
