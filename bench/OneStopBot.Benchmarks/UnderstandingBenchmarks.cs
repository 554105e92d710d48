using BenchmarkDotNet.Attributes;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Benchmarks;

/// <summary>Understanding one message (target: mean under 200 µs), against normalising the same message.</summary>
public class UnderstandingBenchmarks
{
    private MessageUnderstanding understanding = null!;

    [Params(
        "làm giấy khai sinh cho con cần những giấy tờ gì",
        "dang ky tam tru online duoc ko",
        "giá lúa hôm nay bao nhiêu",
        "mất bao lâu",
        "vo toi sinh em be o tram y te roi, gio lam khai sinh va nhap ho khau cho chau mang chi")]
    public string Message { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => understanding = new MessageUnderstanding(ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath));

    [Benchmark(Baseline = true)]
    public IReadOnlyList<string> Normalize() => VietnameseText.Syllables(Message);

    [Benchmark]
    public Understanding Understand() => understanding.Understand(Message);
}
