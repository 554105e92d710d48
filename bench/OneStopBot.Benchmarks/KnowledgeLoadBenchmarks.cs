using BenchmarkDotNet.Attributes;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Benchmarks;

/// <summary>
/// Loading the whole knowledge base and the shipped understanding model as start-up does (target: under 1.5 s
/// together), against only reading the files.
/// </summary>
public class KnowledgeLoadBenchmarks
{
    private readonly string folder = KnowledgeOptions.DefaultProceduresPath;

    [Benchmark(Baseline = true)]
    public int ReadFiles() => Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).Sum(path => File.ReadAllText(path).Length);

    [Benchmark]
    public ProcedureCatalog LoadCatalog() => ProcedureCatalog.Load(folder);

    [Benchmark]
    public int LoadCatalogAndUnderstanding() =>
        new MessageUnderstanding(ProcedureCatalog.Load(folder)).Understand("khai sinh").Alternatives.Count;
}
