using BenchmarkDotNet.Attributes;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Benchmarks;

/// <summary>
/// Understanding what no resident types but anyone can send (target: each within the ordinary message's time, the
/// text being cut first), against an ordinary question in the same run.
/// </summary>
public class HostileUnderstandingBenchmarks
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["ordinary question"] = "cho em hỏi làm giấy khai sinh cho con ở đâu",
        ["question and 10k letters"] = "cho em hỏi làm giấy khai sinh cho con ở đâu " + new string('x', 10_000),
        ["10k letters"] = new string('a', 10_000),
        ["5k emoji"] = string.Concat(Enumerable.Repeat("😀 ", 5_000)),
        ["control characters"] = "\u0000\u0001\u0007\u001b[31m",
    };

    private MessageUnderstanding understanding = null!;
    private string text = string.Empty;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = string.Empty;

    public static IEnumerable<string> Cases => Texts.Keys;

    [GlobalSetup]
    public void Setup()
    {
        understanding = new MessageUnderstanding(ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath));
        text = Texts[Case];
    }

    [Benchmark]
    public Understanding Understand() => understanding.Understand(text);
}
